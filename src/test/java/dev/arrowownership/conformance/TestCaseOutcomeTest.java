package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import org.junit.jupiter.api.Test;

/** Only a broken required rule fails a test case; optional failures and findings pass with a note; N/A skips. */
class TestCaseOutcomeTest {
  private static final Rule REQUIRED = Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL;
  private static final Rule OPTIONAL = Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD;

  @Test
  void requiredFailureFailsWithTheRulesMessage() {
    RuleResult result = RuleResult.failed(REQUIRED, "release left set");
    assertThat(TestCaseOutcome.of(result)).isEqualTo(TestCaseOutcome.FAILED);
    assertThat(TestCaseOutcome.text(result)).isEqualTo(result.message()).startsWith(REQUIRED.id() + " (");
  }

  @Test
  void optionalFailurePassesWithANoteSayingItIsNotFatal() {
    RuleResult result = RuleResult.failed(OPTIONAL, "held 8 bytes");
    assertThat(TestCaseOutcome.of(result)).isEqualTo(TestCaseOutcome.PASSED_WITH_NOTE);
    assertThat(TestCaseOutcome.text(result)).isEqualTo("optional rule failed (reported, not fatal): " + result.message());
  }

  @Test
  void declaredFindingPassesWithANote() {
    RuleResult result = new RuleResult(REQUIRED, Status.FINDING, "leaks. Known: upstream#1");
    assertThat(TestCaseOutcome.of(result)).isEqualTo(TestCaseOutcome.PASSED_WITH_NOTE);
    assertThat(TestCaseOutcome.text(result)).isEqualTo("known finding (declared, not fatal): leaks. Known: upstream#1");
  }

  @Test
  void notApplicableIsSkippedWithItsReason() {
    RuleResult result = RuleResult.notApplicable(REQUIRED, "no children");
    assertThat(TestCaseOutcome.of(result)).isEqualTo(TestCaseOutcome.SKIPPED);
    assertThat(TestCaseOutcome.text(result)).isEqualTo("not applicable: no children");
  }

  /** A refusal of valid input is skipped, with the target's error: neither a failure nor a pass. */
  @Test
  void refusalIsSkippedWithTheTargetsError() {
    RuleResult result = RuleResult.unsupported(REQUIRED, "E: no", "released");
    assertThat(TestCaseOutcome.of(result)).isEqualTo(TestCaseOutcome.SKIPPED);
    assertThat(TestCaseOutcome.text(result)).isEqualTo("unsupported: refused the kit's valid input with E: no; released;"
        + " what the rule checks on accepted input was not observed");
  }

  @Test
  void passIsAPassWithWhatWasObserved() {
    RuleResult required = RuleResult.passed(REQUIRED, "2 structs released");
    assertThat(TestCaseOutcome.of(required)).isEqualTo(TestCaseOutcome.PASSED);
    assertThat(TestCaseOutcome.text(required)).isEqualTo("2 structs released");
    assertThat(TestCaseOutcome.of(RuleResult.passed(OPTIONAL, "ok"))).isEqualTo(TestCaseOutcome.PASSED);
  }

  /** The name carries the rule id and its spec section, so a dashboard shows both and keeps its history. */
  @Test
  void nameIsTheRuleIdAndItsSpecSection() {
    assertThat(TestCaseOutcome.name(Rule.REQUIRED_PRODUCER_SETS_RELEASE))
        .isEqualTo("required_producer_sets_release (C Data Interface, Released structure)");
  }
}
