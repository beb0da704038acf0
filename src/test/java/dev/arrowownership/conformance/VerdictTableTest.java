package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal table: the summary, a row per rule, and what was observed under every rule that did not simply pass. */
class VerdictTableTest {

  @Test
  void tableHasTheSummaryARowPerRuleAndTheMessagesOfWhatDidNotPass() {
    Verdict verdict = new Verdict("lib", List.of(
        RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "both live"),
        RuleResult.failed(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL, "left set\non two lines"),
        RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN, "no children"),
        new RuleResult(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, Status.FINDING, "leaks. Known: x"),
        RuleResult.failed(Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD, "held")));
    String under = "  " + " ".repeat(19);

    assertThat(VerdictTable.of(verdict)).isEqualTo(verdict.summary() + "\n"
        + "  result             rule                                         spec section\n"
        + "  passed             required_producer_sets_release               C Data Interface, Released structure\n"
        + "  FAILED             required_producer_release_sets_null          C Data Interface, Release callback semantics for producers\n"
        + under + verdict.results().get(1).message().replace('\n', ' ') + "\n"
        + "  not applicable     required_producer_release_releases_children  C Data Interface, Release callback semantics for producers\n"
        + under + "no children\n"
        + "  finding            required_producer_release_frees_everything   C Data Interface, Release callback semantics for producers\n"
        + under + "leaks. Known: x\n"
        + "  failed (optional)  optional_producer_release_on_another_thread  C Data Interface, Memory management (release is not bound to a thread)\n"
        + under + verdict.results().get(4).message() + "\n");
  }

  /** A refusal reads {@code unsupported}, with the target's error under it. */
  @Test
  void refusalReadsUnsupportedWithTheError() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.unsupported(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "E: no", "x")));
    assertThat(VerdictTable.of(verdict)).endsWith("\n  unsupported        required_producer_sets_release  C Data Interface,"
        + " Released structure\n" + "  " + " ".repeat(19) + verdict.results().get(0).message() + "\n");
  }

  /** The rule column is as wide as the longest rule id checked, plus two. */
  @Test
  void ruleColumnFitsTheLongestRuleId() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "ok")));
    assertThat(VerdictTable.of(verdict)).endsWith("\n  passed             required_producer_sets_release  C Data Interface, Released structure\n");
  }

  /** A verdict without results is its summary and the heading. */
  @Test
  void emptyVerdictIsTheSummaryAndTheHeading() {
    Verdict verdict = new Verdict("lib", List.of());
    assertThat(VerdictTable.of(verdict)).isEqualTo(verdict.summary() + "\n  result             rule  spec section\n");
  }
}
