package dev.arrowownership.ledger;

/**
 * A broken rule of the C Data Interface, as the ledger observed it.
 *
 * @param kind what went wrong
 * @param struct the struct concerned, null when the callback could not tell
 * @param detail a sentence for the report
 */
public record Violation(Kind kind, TrackedStruct struct, String detail) {
  /** The rules the ledger can see broken. */
  public enum Kind {
    /** {@code release} called again on content already released (a double free, not forwarded). */
    DOUBLE_RELEASE,
    /** The producer's {@code release} returned without setting {@code release} to NULL. */
    RELEASE_NOT_NULLED,
    /**
     * The callback fired for a struct no open ledger tracks: never tracked, its ledger closed, or its
     * {@code private_data} overwritten (not forwarded).
     */
    UNKNOWN_STRUCT,
    /** A child's or dictionary's {@code release} was called outside its parent's release (not forwarded). */
    CHILD_RELEASED_BY_CONSUMER,
    /** The producer's {@code release} threw. */
    CALLBACK_FAILED
  }

  @Override
  public String toString() {
    return kind + (struct == null ? "" : " on " + struct) + ": " + detail;
  }
}
