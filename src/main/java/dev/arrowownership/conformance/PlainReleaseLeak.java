package dev.arrowownership.conformance;

/**
 * The bytes a producer kept after the plain round's release (on the producing thread, without a
 * move; 0 when none, or when unknown: no plain round or no byte count). A later round that keeps as
 * many shows the same leak of the release, which {@link Rule#REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING}
 * reports, not the later round's rule (the moved struct's, the other thread's).
 *
 * @param bytes what the plain release kept
 */
record PlainReleaseLeak(long bytes) {
  /** Whether {@code kept} bytes, held after a later round's release, are this leak again. */
  boolean explains(long kept) {
    return kept != 0 && kept == bytes;
  }

  /** What a rule says when {@link #explains} holds: whose leak it is, and not {@code whoseNot}'s. */
  static String owner(String whoseNot) {
    return "that leak is " + Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING.id() + "'s, not " + whoseNot;
  }
}
