package dev.arrowownership.kit;

import java.util.List;

/** The {@link Rule.Role#STREAM_CONSUMER} rules. */
final class StreamConsumerRules {
  private StreamConsumerRules() {}

  static List<RuleResult> check(CDataStreamConsumer consumer) {
    // The tracked stream exporter lands in the next commit; until then the API compiles against this.
    throw new UnsupportedOperationException("stream consumer rules are not implemented yet (issue 6, in progress)");
  }
}
