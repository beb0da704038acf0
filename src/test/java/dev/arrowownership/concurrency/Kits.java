package dev.arrowownership.concurrency;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The implementation under test, chosen by the system property {@value #PROPERTY}, so one set of
 * racing-pair tests runs against the pure-Java core, the real structs, or the racy variant.
 */
public enum Kits {
  /** {@code OwnershipCore} over counted pure-Java batches: fast, for millions of races. */
  CORE(CoreKit::new),
  /** {@code RecordBatchData} and {@code ArrowOutputFrame} over real structs. */
  ARROW(ArrowKit::new),
  /** Check-then-act instead of CAS: every racing pair must catch it. */
  RACY(RacyKit::new);

  /** Names the kit: {@code core}, {@code arrow} or {@code racy}. */
  public static final String PROPERTY = "arrowownership.kit";

  private static final Kits SELECTED =
      valueOf(System.getProperty(PROPERTY, "core").toUpperCase(Locale.ROOT));

  private final Supplier<HandleKit> factory;

  Kits(Supplier<HandleKit> factory) {
    this.factory = factory;
  }

  /** A new kit of this implementation. */
  public HandleKit newKit() {
    return factory.get();
  }

  /** A new kit of the implementation the system property selects (default {@code core}). */
  public static HandleKit underTest() {
    return SELECTED.newKit();
  }
}
