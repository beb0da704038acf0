package dev.arrowownership.conformance;

import java.util.function.LongSupplier;

/**
 * What a consumer kept of its own memory across one hand-over, by its own count ({@code
 * heldBytes()}, e.g. a native library's {@code arrow_ownership_held_bytes} hook): read before the
 * hand-over and again once the consumer's result was closed. A consumer that cannot tell (-1)
 * kept nothing as far as the kit can see.
 */
final class KeptBytes {
  private final LongSupplier held;
  private final long before;

  private KeptBytes(LongSupplier held) {
    this.held = held;
    this.before = held.getAsLong();
  }

  /** Starts counting: reads {@code held} now. */
  static KeptBytes from(LongSupplier held) {
    return new KeptBytes(held);
  }

  /** How many bytes more than before {@code held} reports now; 0 when either reading is unknown. */
  long kept() {
    long now = held.getAsLong(); // -1 when unknown: below any count read before, so nothing kept
    return before < 0 ? 0 : Math.max(0, now - before);
  }
}
