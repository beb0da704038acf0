package dev.arrowownership.conformance;

import java.util.List;

/**
 * The two consumer rules on invalid input, one {@link ConsumerRun} per {@link
 * dev.arrowownership.generate.InvalidBatch}. The spec says what a consumer must release, not what an
 * API that refuses input must do with it: leaving a struct live for the caller is allowed (the caller
 * sees {@code release != NULL} and releases it), losing it is not; refusing both or neither is the
 * optional, stricter contract.
 */
final class InvalidInputRules {
  private InvalidInputRules() {}

  /** {@link Rule#REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE}. */
  static RuleResult releasedExactlyOnce(List<ConsumerRun> runs) {
    Rule rule = Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE;
    List<ConsumerRun> wrong = runs.stream().filter(r -> !r.releasedOnceWithTheCallersPart()).toList();
    long leftToCaller = runs.stream().filter(r -> r.leftLive().contains(true)).count();
    return wrong.isEmpty()
        ? RuleResult.passed(rule, runs.size() + " invalid batches: each base struct released once, by the consumer"
            + " or, where it was left live (" + leftToCaller + " of " + runs.size() + "), by the caller")
        : RuleResult.failed(rule, wrong.size() + " of " + runs.size() + " invalid batches break it: " + wrong);
  }

  /** {@link Rule#OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE}. */
  static RuleResult rejectedWhole(List<ConsumerRun> runs) {
    Rule rule = Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE;
    List<ConsumerRun> wrong = runs.stream().filter(r -> !r.rejectedWhole()).toList();
    return wrong.isEmpty()
        ? RuleResult.passed(rule, "each of " + runs.size() + " invalid batches refused with an error, both base"
            + " structs then released or both left live")
        : RuleResult.failed(rule, wrong.size() + " of " + runs.size() + " invalid batches accepted or left half"
            + " released: " + wrong);
  }
}
