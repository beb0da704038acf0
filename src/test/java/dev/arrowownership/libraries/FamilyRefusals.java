package dev.arrowownership.libraries;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.Verdict;
import java.util.Optional;

/**
 * Whether a library refused a family's valid batch or stream, read from the kit's verdict, and
 * whether it refused cleanly (released what it must): a clean refusal is "not supported" in a
 * {@link FamilyTable}, anything else a finding.
 */
final class FamilyRefusals {
  private FamilyRefusals() {}

  /** The importer's error when it refused the valid batch of the family. */
  static Optional<String> consumer(Verdict verdict) {
    String message = verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE).message();
    int threw = message.indexOf(", threw ");
    return message.startsWith("consuming a valid batch failed") && threw >= 0
        ? Optional.of(message.substring(threw + ", threw ".length())) : Optional.empty();
  }

  /** A refusal is clean when the valid batch's array and schema were each released once and nothing was kept. */
  static boolean cleanConsumer(RuleResult result) {
    return result.rule() == Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE
        && result.message().contains("base releases [array, schema] = [1, 1], threw ")
        && !result.message().contains("consumer holds");
  }

  /** The consumer's error when it refused the valid stream of the family (the stream-once rule reports it either way). */
  static Optional<String> stream(Verdict verdict) {
    String message = verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE).message();
    int threw = message.indexOf("(the consumer threw ");
    return threw >= 0 ? Optional.of(message.substring(threw + "(the consumer threw ".length(), message.length() - 1))
        : Optional.empty();
  }

  /**
   * A refused valid stream is clean when the only rule it breaks is reading the empty and uneven
   * streams, each of them refused with everything released once.
   */
  static boolean cleanStream(RuleResult result) {
    if (result.rule() != Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS) {
      return false;
    }
    String observed = FamilyTable.observed(result);
    int of = observed.indexOf(" of ");
    if (of < 0) {
      return false;
    }
    int broken = Integer.parseInt(observed.substring(0, of));
    return observed.split(": everything released once, threw ", -1).length - 1 == broken;
  }
}
