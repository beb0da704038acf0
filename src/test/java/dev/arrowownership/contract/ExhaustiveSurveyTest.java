package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.contract.ExhaustiveSurvey.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The survey goes past the first failure: each rule broken at each operation once, with its
 * shortest sequence; a sequence whose closing failed is extended (its steps agreed with the model),
 * one whose step failed is not.
 */
class ExhaustiveSurveyTest {

  @Test
  void aConformingSubjectHasNoFinding() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(new HandlesOnlySubject(), 1, 0).survey(3, 60_000);

    assertThat(survey.passed()).isTrue();
    assertThat(survey.findings()).isEmpty();
    assertThat(survey.exploration().levels()).hasSize(3);
    assertThat(survey.exploration().failed()).isEmpty();
    assertThat(survey.toString()).startsWith("RecordBatchData (features [] (no frame steps)): no finding\n  depth 1: ");
  }

  /** The leak at every close is found first; the copy's second owner only because the leaking state is extended. */
  @Test
  void aStateWhoseClosingFailedIsExtended() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(CopyingHolderSubject.bitwiseCopyLeakingClose(), 2, 0).survey(3, 60_000);

    assertThat(survey.passed()).isFalse();
    assertThat(survey.findings()).extracting(Finding::toString).containsExactly(
        "required_wrapper_releases_what_the_model_says at h.close(): 2 steps [allocate(), h0.populate(rows=3)]",
        "required_wrapper_ownership_matches_the_model at h = copy(h): 3 steps [allocate(), h0.populate(rows=3), copy(h0)]");
    assertThat(survey.toString()).startsWith("BatchHolder (features [COPY] (no frame steps)): 2 findings\n  "
        + "required_wrapper_releases_what_the_model_says at h.close(): 2 steps");
  }

  /** After the copy that made two owners nothing is explored: closing both would add a double release here. */
  @Test
  void aSequenceWhoseStepFailedIsNotExtended() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(CopyingHolderSubject.bitwiseCopy(), 2, 0).survey(4, 60_000);

    assertThat(survey.findings()).extracting(Finding::kind)
        .containsExactly("required_wrapper_ownership_matches_the_model at h = copy(h)");
    assertThat(survey.exploration().levels()).hasSize(4);
  }

  /** A leak that only the allocators' close sees is attributed to the closing, and the state is still explored. */
  @Test
  void aLeakSeenOnlyByTheAllocatorsIsAFindingOfTheClosing() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(new LeakingSubject(), 1, 0).survey(2, 60_000);

    assertThat(survey.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("required_wrapper_leaves_nothing_unreleased at closing after the last step");
      assertThat(f.sequence()).hasToString("[allocate()]");
      assertThat(f.rule()).contains(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED);
      assertThat(f.failure().getMessage()).contains("RecordBatchData: closing after the last step: ");
    });
    assertThat(survey.exploration().levels()).hasSize(2);
    assertThat(survey.exploration().levels().get(1).distinctStates()).isGreaterThan(2);
  }

  /** A finding of a rule is "<rule> at <operation>"; a survey prints its findings, or "no finding". */
  @Test
  void aFindingOfARuleIsNamedByRuleAndOperationAndASurveyListsItsFindings() {
    Finding finding = new Finding(List.of(new Step.Allocate()),
        new ContractViolation(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, "h0.close()", "m", null));
    assertThat(finding.rule()).contains(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE);
    assertThat(finding.operation()).isEqualTo("h.close()");
    assertThat(finding.kind()).isEqualTo("required_wrapper_rejects_misuse at h.close()");
    ExhaustiveReport report = new ExhaustiveReport("s", List.of(), null, null, true);
    assertThat(new ExhaustiveSurvey(report, List.of())).hasToString("s: no finding");
    assertThat(new ExhaustiveSurvey(report, List.of(finding)))
        .hasToString("s: 1 findings\n  required_wrapper_rejects_misuse at h.close(): 1 steps [allocate()]");
  }

  /** A failure that names no rule is one finding, "error at unattributed". */
  @Test
  void aFailureWithoutARuleIsUnattributed() {
    Finding finding = new Finding(List.of(new Step.Allocate()), new AssertionError("boom"));

    assertThat(finding.rule()).isEmpty();
    assertThat(finding.operation()).isEqualTo("unattributed");
    assertThat(finding.kind()).isEqualTo("error at unattributed");
    assertThat(finding).hasToString("error at unattributed: 1 steps [allocate()]");
  }

  @Test
  void aViolationsOperationErasesHandlesAndTheFaultPosition() {
    ContractViolation copy = new ContractViolation(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, "h12 = copy(h3)", "m", null);
    assertThat(copy.operation()).isEqualTo("h = copy(h)");
    assertThat(copy.call()).isEqualTo("h12 = copy(h3)");
    assertThat(copy.rule()).isEqualTo(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL);
    assertThat(copy).hasMessage("m");
    assertThat(new ContractViolation(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, "f.extractRecordBatches() [allocation #15 fails]", "m", null)
        .operation()).isEqualTo("f.extractRecordBatches() [allocation #k fails]");
    assertThat(new ContractViolation(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, "h0.populate(rows=3)", "m", null).operation())
        .isEqualTo("h.populate(rows=3)");
    assertThatThrownBy(() -> new ContractViolation(null, "c", "m", null)).hasMessage("rule");
    assertThatThrownBy(() -> new ContractViolation(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, null, "m", null)).hasMessage("call");
  }

  /** A survey's findings and a finding's sequence are copies: the caller's lists can change without changing them. */
  @Test
  void findingsAreImmutableCopies() {
    List<Step> steps = new java.util.ArrayList<>(List.of(new Step.Allocate()));
    Finding finding = new Finding(steps, new AssertionError("x"));
    steps.clear();
    assertThat(finding.sequence()).hasSize(1);
    List<Finding> findings = new java.util.ArrayList<>(List.of(finding));
    ExhaustiveSurvey survey = new ExhaustiveSurvey(new ExhaustiveReport("s", List.of(), null, null, true), findings);
    findings.clear();
    assertThat(survey.findings()).hasSize(1);
  }
}
