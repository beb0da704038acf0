package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;

/** A rule's message in a verdict, after asserting the rule ended as the test expects. */
final class RuleMessages {
  private RuleMessages() {}

  /** The message of {@code rule}, which must have passed. */
  static String passed(Verdict verdict, Rule rule) {
    return messageIf(verdict, rule, Status.PASSED);
  }

  /** The message of {@code rule}, which must have failed. */
  static String failed(Verdict verdict, Rule rule) {
    return messageIf(verdict, rule, Status.FAILED);
  }

  private static String messageIf(Verdict verdict, Rule rule, Status expected) {
    RuleResult result = verdict.result(rule);
    assertThat(result.status()).as(result.toString()).isEqualTo(expected);
    return result.message();
  }
}
