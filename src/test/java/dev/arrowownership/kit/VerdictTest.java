package dev.arrowownership.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.kit.RuleResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts report failures by rule name, turn declared findings into findings, and flip when a finding is fixed. */
class VerdictTest {
  private static final Rule RULE = Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL;

  /** A failed rule fails assertConforms with its name, spec section and hint. */
  @Test
  void failedRuleFailsTheVerdictNamingIt() {
    Verdict verdict = new Verdict("t", List.of(RuleResult.failed(RULE, "release left set")));
    assertThatThrownBy(verdict::assertConforms).isInstanceOf(AssertionError.class)
        .hasMessageContaining("t breaks 1 rule(s)")
        .hasMessageContaining("required_producer_release_sets_null (C Data Interface, Release callback semantics for producers): release left set. If this fails, check: ");
  }

  /** A declared finding turns its failure into a FINDING; a declared finding that passed fails. */
  @Test
  void declaredFindingIsReportedAndFlipsWhenFixed() {
    Map<Rule, String> known = Map.of(RULE, "upstream #1");
    Verdict failing = new Verdict("t", List.of(RuleResult.failed(RULE, "x"))).expectingFindings(known);
    failing.assertConforms();
    assertThat(failing.result(RULE).status()).isEqualTo(Status.FINDING);
    assertThat(failing.result(RULE).message()).endsWith("Known: upstream #1");

    Verdict fixed = new Verdict("t", List.of(RuleResult.passed(RULE, "ok"))).expectingFindings(known);
    assertThatThrownBy(fixed::assertConforms).hasMessageContaining("declared as a finding (upstream #1) but the rule passed");
  }

  /** The Markdown report has one row per rule with its section link and result. */
  @Test
  void markdownHasOneRowPerRule() {
    String md = new Verdict("lib", List.of(RuleResult.passed(RULE, "a|b"),
        RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "n/a"))).toMarkdown();
    assertThat(md).startsWith("# Conformance: lib\n")
        .contains("| `required_producer_release_sets_null` | [C Data Interface, Release callback semantics for producers]"
            + "(https://arrow.apache.org/docs/format/CDataInterface.html#release-callback-semantics-for-producers) | PASSED | a\\|b |")
        .contains("| NOT_APPLICABLE | n/a |");
  }
}
