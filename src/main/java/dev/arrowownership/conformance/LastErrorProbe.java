package dev.arrowownership.conformance;

import java.util.Arrays;

/**
 * {@link Rule#REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID} on a stream whose last call failed:
 * the message is NULL or a NUL-terminated UTF-8 string that stays the same until the next callback
 * (the kit reads it again after taking back freed memory, {@link FreedMemoryReuse}), and calling
 * {@code get_last_error} again returns the same text without the producer's memory growing.
 */
final class LastErrorProbe {
  private static final Rule RULE = Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID;
  /** Calls of get_last_error after the first. */
  static final int CALLS = 64;

  private LastErrorProbe() {}

  /** Call right after the failed call, before any other callback of {@code stream}. */
  static RuleResult check(ForeignStream stream, CDataStreamProducer producer, String failure) {
    long message = stream.lastError();
    if (message == 0) {
      return RuleResult.passed(RULE, failure + "; get_last_error returned NULL (allowed: no description available)");
    }
    byte[] text = NativeText.bytes(message);
    byte[] again;
    try (FreedMemoryReuse reuse = FreedMemoryReuse.now()) {
      again = NativeText.bytes(message);
    }
    if (NativeText.utf8(text) == null) {
      return RuleResult.failed(RULE, failure + "; get_last_error returned a string that is not UTF-8: " + NativeText.quote(text));
    }
    if (!Arrays.equals(text, again)) {
      return RuleResult.failed(RULE, failure + "; get_last_error's string " + NativeText.quote(text) + " changed before any"
          + " other callback, once the kit took back freed memory (now " + NativeText.quote(again)
          + "): it was freed when get_last_error returned");
    }
    long before = producer.allocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      long next = stream.lastError();
      byte[] nextText = next == 0 ? null : NativeText.bytes(next);
      if (!Arrays.equals(text, nextText)) {
        return RuleResult.failed(RULE, failure + "; get_last_error returned " + NativeText.quote(text) + ", then "
            + (nextText == null ? "NULL" : NativeText.quote(nextText)) + " on call " + (i + 2) + " with nothing in between");
      }
    }
    long after = producer.allocatedBytes();
    if (after != before) {
      return RuleResult.failed(RULE, failure + "; " + CALLS + " more calls of get_last_error took the producer from "
          + before + " to " + after + " bytes");
    }
    return RuleResult.passed(RULE, failure + "; get_last_error returned " + NativeText.quote(text) + ", unchanged after the"
        + " kit took back freed memory and on " + CALLS + " more calls" + (before < 0 ? " (allocatedBytes() not"
        + " reported: memory growth not checked)" : ", producer memory unchanged at " + after + " bytes"));
  }
}
