package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.RuleResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts report failures by rule name, turn declared findings into findings, and flip when a finding is fixed. */
class VerdictTest {
  private static final Rule RULE = Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL;
  private static final Rule OPTIONAL = Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD;

  /** A failed rule fails assertConforms with its name, spec section and hint. */
  @Test
  void failedRuleFailsTheVerdictNamingIt() {
    Verdict verdict = new Verdict("t", List.of(RuleResult.failed(RULE, "release left set")));
    assertThatThrownBy(verdict::assertConforms).isInstanceOf(AssertionError.class)
        .hasMessageContaining("t breaks 1 rule(s)")
        .hasMessageContaining("required_producer_release_sets_null (C Data Interface, Release callback semantics for producers): release left set. If this fails, check: ")
        .hasMessageNotContaining("optional");
  }

  /**
   * An optional rule's failure does not fail assertConforms: the verdict conforms, and its summary
   * and report name the optional rule it fails.
   */
  @Test
  void optionalFailureDoesNotFailAssertConformsButIsReported() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.passed(RULE, "ok"), RuleResult.failed(OPTIONAL, "held 8 bytes")));
    verdict.assertConforms();
    assertThat(verdict.conforms()).isTrue();
    assertThat(verdict.summary()).isEqualTo("lib conforms: every required rule passed (1 of 1);"
        + " it fails 1 optional rule: optional_producer_release_on_another_thread");
    assertThat(verdict.toMarkdown()).contains("\n\n" + verdict.summary() + "\n\n")
        .contains("| `optional_producer_release_on_another_thread` |").contains("| FAILED (optional) |");
  }

  /** assertConformsIncludingOptional fails on an optional rule's failure, naming it and its message. */
  @Test
  void assertConformsIncludingOptionalFailsOnOptionalRules() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.passed(RULE, "ok"), RuleResult.failed(OPTIONAL, "held 8 bytes")));
    assertThatThrownBy(verdict::assertConformsIncludingOptional).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("lib breaks 1 rule(s):\n  optional_producer_release_on_another_thread (")
        .hasMessageContaining("held 8 bytes");
    new Verdict("lib", List.of(RuleResult.passed(OPTIONAL, "ok"))).assertConformsIncludingOptional();
  }

  /**
   * A required failure fails assertConforms and the summary says the target does not conform; the
   * optional failures are listed after the required ones.
   */
  @Test
  void requiredFailureFailsAndListsOptionalFailuresToo() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.failed(RULE, "left set"), RuleResult.failed(OPTIONAL, "held")));
    assertThat(verdict.conforms()).isFalse();
    assertThat(verdict.summary()).isEqualTo("lib does not conform: it fails 1 required rule: required_producer_release_sets_null;"
        + " it fails 1 optional rule: optional_producer_release_on_another_thread");
    assertThatThrownBy(verdict::assertConforms).hasMessageStartingWith("lib breaks 1 rule(s):\n  required_producer_release_sets_null (")
        .hasMessageEndingWith("\n(also fails optional: optional_producer_release_on_another_thread)");
  }

  /**
   * The summary counts the required rules checked (not the ones not applicable), adds nothing when
   * no optional rule failed, and says "rules" for more than one.
   */
  @Test
  void summaryCountsCheckedRequiredRulesAndPluralizes() {
    Verdict clean = new Verdict("lib", List.of(RuleResult.passed(RULE, "ok"), RuleResult.passed(OPTIONAL, "ok"),
        RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "n/a")));
    assertThat(clean.summary()).isEqualTo("lib conforms: every required rule passed (1 of 1)");
    Verdict two = new Verdict("lib", List.of(RuleResult.failed(RULE, "x"), RuleResult.failed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "y")));
    assertThat(two.summary()).isEqualTo("lib does not conform: it fails 2 required rules:"
        + " required_producer_release_sets_null, required_producer_sets_release");
  }

  /** Only an optional rule's failure is marked optional in the report; a required failure or an optional pass is not. */
  @Test
  void markdownMarksOnlyOptionalFailures() {
    String md = new Verdict("lib", List.of(RuleResult.failed(RULE, "x"), RuleResult.passed(OPTIONAL, "ok"))).toMarkdown();
    assertThat(md).contains("| FAILED | ").contains("| PASSED | ok |").doesNotContain("(optional)");
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

  /**
   * A finding declared as showing on some inputs only: a failure becomes a finding, a pass stays a
   * pass; a rule not applicable, refused or already a finding stays as it is, under either declaration.
   */
  @Test
  void toleratedFindingKeepsAPassAndTurnsAFailureIntoAFinding() {
    Map<Rule, String> known = Map.of(RULE, "upstream #1");
    RuleResult passed = RuleResult.passed(RULE, "ok");
    assertThat(new Verdict("t", List.of(passed)).toleratingFindings(known).results()).containsExactly(passed);
    Verdict failing = new Verdict("t", List.of(RuleResult.failed(RULE, "x"))).toleratingFindings(known);
    assertThat(failing.result(RULE).status()).isEqualTo(Status.FINDING);
    assertThat(failing.result(RULE).message()).endsWith("Known: upstream #1");
    RuleResult finding = new RuleResult(RULE, Status.FINDING, "x. Known: upstream #0");
    assertThat(new Verdict("t", List.of(finding)).expectingFindings(known).results()).containsExactly(finding);
    assertThat(new Verdict("t", List.of(finding)).toleratingFindings(known).results()).containsExactly(finding);
  }

  /** Only declared rules change: an undeclared rule keeps its result, passed or failed. */
  @Test
  void undeclaredRulesKeepTheirResults() {
    RuleResult passed = RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "ok");
    RuleResult failed = RuleResult.failed(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, "leaked");
    Verdict verdict = new Verdict("t", List.of(passed, failed)).expectingFindings(Map.of(RULE, "upstream #1"));
    assertThat(verdict.results()).containsExactly(passed, failed);
  }

  /** A declared finding on a rule that could not be checked stays not applicable: neither a finding nor a flip. */
  @Test
  void declaredFindingOnANotApplicableRuleStaysNotApplicable() {
    RuleResult notApplicable = RuleResult.notApplicable(RULE, "no allocator to measure");
    Verdict verdict = new Verdict("t", List.of(notApplicable)).expectingFindings(Map.of(RULE, "upstream #1"));
    assertThat(verdict.results()).containsExactly(notApplicable);
  }

  /** A declared finding on a rule whose valid input was refused stays unsupported: the finding could not show. */
  @Test
  void declaredFindingOnARefusedRuleStaysUnsupported() {
    RuleResult refused = RuleResult.unsupported(RULE, "E: no", "released");
    Verdict verdict = new Verdict("t", List.of(refused)).expectingFindings(Map.of(RULE, "upstream #1"));
    assertThat(verdict.results()).containsExactly(refused);
  }

  /** A declared finding keeps the refusal of the failure it replaces. */
  @Test
  void aFindingKeepsTheRefusalOfItsFailure() {
    Verdict verdict = new Verdict("t", List.of(RuleResult.failedRefusing(RULE, "E: no", "leaked")))
        .expectingFindings(Map.of(RULE, "upstream #1"));
    assertThat(verdict.result(RULE).status()).isEqualTo(Status.FINDING);
    assertThat(verdict.result(RULE).refusal()).contains("E: no");
  }

  /**
   * A refusal of valid input does not fail conformance, but the summary starts with it, naming the
   * error and the rules left unobserved, and counts only the rules it could check.
   */
  @Test
  void aRefusalLeadsTheSummaryAndIsNotCountedAsAPass() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.unsupported(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE,
        "E: no", "released"), RuleResult.unsupported(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "E: no", "released"),
        RuleResult.passed(RULE, "ok"), RuleResult.failed(OPTIONAL, "held")));
    assertThat(verdict.conforms()).isTrue();
    verdict.assertConforms();
    assertThat(verdict.summary()).isEqualTo("lib refused the kit's valid input with E: no (released as required; not"
        + " observed on accepted input: required_consumer_releases_exactly_once, required_consumer_releases_on_failure);"
        + " lib conforms: every required rule it could check passed (1 of 1); it fails 1 optional rule:"
        + " optional_producer_release_on_another_thread");
    assertThat(verdict.toMarkdown()).contains("| UNSUPPORTED | refused the kit's valid input with E: no; released;");

    Verdict two = new Verdict("lib", List.of(RuleResult.unsupported(RULE, "E: a", "x"),
        RuleResult.unsupported(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "E: b", "y"),
        RuleResult.failed(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, "leaked")));
    assertThat(two.summary()).isEqualTo("lib refused the kit's valid input with E: a and E: b (released as required;"
        + " not observed on accepted input: required_producer_release_sets_null, required_producer_sets_release); lib does"
        + " not conform: it fails 1 required rule: required_producer_release_frees_everything");
  }

  /** An unsupported result names the target's error; a result without one is refused. */
  @Test
  void anUnsupportedResultNeedsTheTargetsError() {
    assertThatThrownBy(() -> new RuleResult(RULE, Status.UNSUPPORTED, "refused"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("required_producer_release_sets_null: an UNSUPPORTED result names the target's error");
    assertThat(RuleResult.unsupported(RULE, "E", "x").refusal()).contains("E");
    assertThat(RuleResult.passed(RULE, "ok").refusal()).isEmpty();
    assertThat(RuleResult.failedRefusing(RULE, "E", "leaked").message()).isEqualTo(
        RULE.failure("refused the kit's valid input with E, and then broke the rule: leaked"));
  }

  /** Asking for a rule the verdict did not check names the rule and the target. */
  @Test
  void resultOfAnUncheckedRuleNamesRuleAndTarget() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.passed(RULE, "ok")));
    assertThatThrownBy(() -> verdict.result(Rule.REQUIRED_PRODUCER_SETS_RELEASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("required_producer_sets_release was not checked on lib");
  }

  /** A verdict prints as its target and one line per result: what a failing test's report shows. */
  @Test
  void toStringListsTheTargetAndEveryResult() {
    Verdict verdict = new Verdict("lib", List.of(RuleResult.passed(RULE, "ok"),
        RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "n/a")));
    assertThat(verdict).hasToString("lib\n  PASSED required_producer_release_sets_null: ok"
        + "\n  NOT_APPLICABLE required_producer_sets_release: n/a");
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
