package dev.arrowownership.leak;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Registers handles with one shared {@link Cleaner}: when a handle becomes unreachable before its
 * {@code close()}, the cleaner calls the handle's close action, and if that call is the one that
 * closed it (the same atomic close as an explicit {@code close()}, so exactly once even in a race),
 * reports the leak.
 *
 * <p>The close action must not reference the handle, or the handle never becomes unreachable: pass
 * the handle's state (e.g. {@code core::close}), never a method of the handle itself.
 */
public final class LeakDetector {
  private static final Cleaner CLEANER = Cleaner.create();
  private static volatile LeakLevel level = LeakLevel.fromSystemProperty();
  private static volatile LeakReporter reporter = LeakReporter.logging();

  private LeakDetector() {}

  /** The current level. */
  public static LeakLevel level() {
    return level;
  }

  /** Sets the level for handles allocated from now on; returns the previous one. */
  public static LeakLevel setLevel(LeakLevel next) {
    LeakLevel previous = level;
    level = Objects.requireNonNull(next, "level");
    return previous;
  }

  /** Installs {@code next} for all later reports; returns the previous reporter. */
  public static LeakReporter setReporter(LeakReporter next) {
    LeakReporter previous = reporter;
    reporter = Objects.requireNonNull(next, "reporter");
    return previous;
  }

  /**
   * Watches {@code handle}: if it becomes unreachable while {@code close} would still close it, the
   * cleaner calls {@code close} and reports {@code resource}.
   *
   * @param close closes the handle's state; returns true if and only if this call closed it. Must
   *     not reference {@code handle}.
   */
  public static LeakTracker track(Object handle, String resource, BooleanSupplier close) {
    return track(handle, resource, null, close);
  }

  /**
   * As {@link #track(Object, String, BooleanSupplier)}, for a resource named {@code kind + " " +
   * name.get()}: the name is built only when a report or an allocation site needs it, not for every
   * handle that is closed properly.
   *
   * @param name the handle's name, or null for a resource named by {@code kind} alone. Must not
   *     reference {@code handle}.
   */
  public static LeakTracker track(Object handle, String kind, Supplier<String> name, BooleanSupplier close) {
    LeakLevel now = level;
    if (now == LeakLevel.DISABLED) {
      return LeakTracker.NONE;
    }
    return new LeakTracker(CLEANER.register(handle, new Release(kind, name, close, now == LeakLevel.PARANOID)));
  }

  /** The cleaning action. A static class, so it cannot capture the handle by accident. */
  private static final class Release implements Runnable {
    private final String kind;
    private final Supplier<String> name;
    private final BooleanSupplier close;
    private final AllocationSite site;

    Release(String kind, Supplier<String> name, BooleanSupplier close, boolean recordSite) {
      this.kind = kind;
      this.name = name;
      this.close = close;
      this.site = recordSite ? new AllocationSite(resource()) : null;
    }

    String resource() {
      return name == null ? kind : kind + " " + name.get();
    }

    @Override
    public void run() {
      if (close.getAsBoolean()) { // false after an explicit close: nothing to release or report
        reporter.reportLeak(new LeakReport(resource(), site));
      }
    }
  }
}
