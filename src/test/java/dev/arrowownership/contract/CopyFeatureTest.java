package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.Expected;
import dev.arrowownership.model.Expected.Outcome;
import dev.arrowownership.thirdparty.BatchHolder;
import dev.arrowownership.thirdparty.BatchHolderSubject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SubjectFeature#COPY}: a copy never owns. A copy that owns nothing passes every sequence; a
 * bitwise copy fails at the copy itself, where the copy reports that it owns the source's batch; and
 * subjects without the feature never meet a copy step.
 */
class CopyFeatureTest {

  @Test
  void aCopyThatOwnsNothingPassesEverySequence() {
    ExhaustiveReport report = new ExhaustiveChecker(CopyingHolderSubject.emptyCopy(), 2, 0).check(30, 60_000);

    assertThat(report.failed()).as(report.toString()).isEmpty();
    assertThat(report.closed()).isTrue();
    assertThat(report.subject()).isEqualTo("BatchHolder (features [COPY] (no frame steps))");
  }

  @Test
  void aBitwiseCopyFailsAtTheCopy() {
    ExhaustiveReport report = new ExhaustiveChecker(CopyingHolderSubject.bitwiseCopy(), 2, 0).check(30, 60_000);

    assertThat(report.counterexample()).hasToString("[allocate(), h0.populate(rows=3), copy(h0)]");
    assertThat(report.failure()).isInstanceOf(ContractViolation.class).hasMessageContaining(
        "step `h1 = copy(h0)`: h1.isOwned() is true, the model says EMPTY");
    assertThat(((ContractViolation) report.failure()).rule().id()).isEqualTo("required_wrapper_ownership_matches_the_model");
  }

  /** The copy of a closed handle is misuse: the subject must refuse it, and no handle is made. */
  @Test
  void copyOfAClosedHandleIsMisuseAndMakesNoHandle() {
    try (var m = new OwnershipMachine<>(CopyingHolderSubject.emptyCopy())) {
      m.allocate();
      m.close(0);
      m.copy(0);
      m.allocate();

      assertThat(m.outcomeCount(Outcome.ILLEGAL_STATE)).isEqualTo(1);
      assertThat(m.handleCount()).isEqualTo(2);
      assertThat(m.origins().of(1)).isEqualTo("new");
      assertThat(m.history()).containsExactly("h0 = allocate()", "h0.close()", "h1 = copy(h0)", "h1 = allocate()");
      m.finish();
    }
  }

  /** A copy that returned is a new handle that came to be by copying: the state key tells it from a new one. */
  @Test
  void aCopyIsRecordedAsCopied() {
    try (var m = new OwnershipMachine<>(CopyingHolderSubject.emptyCopy())) {
      m.allocate();
      m.populate(0, 3, 1);
      m.copy(0);

      assertThat(m.origins().of(1)).isEqualTo("copied");
      assertThat(m.model().status(1)).isEqualTo(ExactlyOnceModel.HandleStatus.EMPTY);
      assertThat(m.model().status(0)).isEqualTo(ExactlyOnceModel.HandleStatus.OWNING);
      m.finish();
    }
  }

  @Test
  void theModelsTransitionMakesAnEmptyHandleOrRefusesAClosedSource() {
    ExactlyOnceModel model = new ExactlyOnceModel();
    model.allocate();
    model.populate(0, 3, 7);

    Expected copied = CopyTransition.copy(model, 0);
    assertThat(copied.outcome()).isEqualTo(Outcome.OK);
    assertThat(copied.value()).isEqualTo(1);
    assertThat(copied.releases()).isEmpty();
    assertThat(model.handleCount()).isEqualTo(2);

    model.close(0);
    assertThat(CopyTransition.copy(model, 0).outcome()).isEqualTo(Outcome.ILLEGAL_STATE);
    assertThat(model.handleCount()).isEqualTo(2);
  }

  @Test
  void theMachineRefusesACopyStepWithoutTheFeature() {
    try (var m = new OwnershipMachine<>(new BatchHolderSubject())) {
      m.allocate();
      assertThatThrownBy(() -> m.copy(0)).isInstanceOf(IllegalStateException.class)
          .hasMessage("BatchHolder does not declare COPY: copy steps cannot run on it");
      assertThat(m.history()).containsExactly("h0 = allocate()");
    }
  }

  @Test
  void aSubjectWithoutACopyThrowsNamingTheFeature() {
    assertThatThrownBy(() -> new BatchHolderSubject().copy(null)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("BatchHolder does not implement copy, a method of feature COPY; implement copy and declare COPY in features()");
    var claimsACopy = new BatchHolderSubject() {
      @Override
      public Set<SubjectFeature> features() {
        return Set.of(SubjectFeature.COPY);
      }
    };
    assertThatThrownBy(() -> SubjectFeature.checkDeclared(claimsACopy)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BatchHolder declares feature COPY but does not implement copy (");
  }

  /** A report names a missing frame, never a missing copy: without a copy nothing goes unchecked. */
  @Test
  void reportsNameAMissingFrameButNotAMissingCopy() {
    assertThat(SubjectFeature.describe(EnumSet.of(SubjectFeature.COPY))).isEqualTo("features [COPY] (no frame steps)");
    assertThat(SubjectFeature.describe(EnumSet.of(SubjectFeature.FRAME, SubjectFeature.COPY))).isEqualTo("features [FRAME, COPY]");
    assertThat(SubjectFeature.describe(EnumSet.noneOf(SubjectFeature.class))).isEqualTo("features [] (no frame steps)");
  }

  @Test
  void theAlphabetHasCopyStepsOnlyWithTheFeatureAndWithinTheHandleBound() {
    StepAlphabet alphabet = new StepAlphabet(2, 0, List.of(3));
    ExactlyOnceModel model = new ExactlyOnceModel();
    model.allocate();

    assertThat(alphabet.stepsIn(model, 1, Set.of(SubjectFeature.COPY))).containsSubsequence(
        new Step.MoveFrom(0), new Step.Copy(0), new Step.MoveAssign(0, 0));
    assertThat(alphabet.stepsIn(model, 1, Set.of())).doesNotHaveAnyElementsOfTypes(Step.Copy.class);
    model.allocate();
    assertThat(alphabet.stepsIn(model, 2, Set.of(SubjectFeature.COPY))).doesNotHaveAnyElementsOfTypes(Step.Copy.class);
  }

  @Test
  void theCopyStepNeedsTheFeatureAndReadsAsACall() {
    assertThat(new Step.Copy(3).requires()).containsExactly(SubjectFeature.COPY);
    assertThat(new Step.Copy(3)).hasToString("copy(h3)");
    try (var m = new OwnershipMachine<>(CopyingHolderSubject.emptyCopy())) {
      m.allocate();
      new Step.Copy(0).applyTo(m);
      assertThat(m.history()).last().isEqualTo("h1 = copy(h0)");
      assertThat(StepGenerators.describe(new Step.Copy(0), m)).isEqualTo("h2 = copy(h0)");
      m.finish();
    }
  }

  /** The copy's source is a BatchHolder, its handle type. */
  @Test
  void theCopyingSubjectMakesHolders() {
    try (var allocator = new org.apache.arrow.memory.RootAllocator()) {
      CopyingHolderSubject subject = CopyingHolderSubject.emptyCopy();
      BatchHolder source = subject.allocate(allocator, "s");
      BatchHolder copy = subject.copy(source);
      assertThat(copy.name()).isEqualTo("copy of s");
      subject.close(copy);
      subject.close(source);
    }
  }
}
