package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rule result prints as one report line: status, rule id, message. */
class RuleResultTest {

  /** The line a verdict prints for each rule, and assertion descriptions quote. */
  @Test
  void printsStatusRuleAndMessage() {
    assertThat(RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "both structs live"))
        .hasToString("PASSED required_producer_sets_release: both structs live");
    assertThat(RuleResult.failed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "array not live")).hasToString(
        "FAILED required_producer_sets_release: required_producer_sets_release (C Data Interface, Released structure):"
            + " array not live. If this fails, check: the producer fills every field and sets release last, also on"
            + " its error paths.");
  }
}
