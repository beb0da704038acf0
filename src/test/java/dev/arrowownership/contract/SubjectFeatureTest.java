package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A subject's features decide which steps it gets; a feature declared but not implemented fails fast. */
class SubjectFeatureTest {

  /** Declares FRAME but implements none of its methods. */
  private static final class ClaimsAFrame extends RecordBatchDataHandles<Void> {
    @Override
    public Set<SubjectFeature> features() {
      return Set.of(SubjectFeature.FRAME);
    }
  }

  /** A step of a feature the subject does not declare is refused by name; a declared one runs. */
  @Test
  void requireRefusesAFeatureNotDeclared() {
    RecordBatchDataSubject subject = new RecordBatchDataSubject();
    assertThatThrownBy(() -> SubjectFeature.COPY.require(Set.of(SubjectFeature.FRAME), subject))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("RecordBatchData does not declare COPY: copy steps cannot run on it");
    SubjectFeature.FRAME.require(Set.of(SubjectFeature.FRAME), subject); // declared: no exception
  }

  /** A subject that declares FRAME without implementing its methods is refused before any step runs. */
  @Test
  void declaredButUnimplementedFeatureFailsFast() {
    String message = "RecordBatchData declares feature FRAME but does not implement frameOf, extract, closeFrame";
    assertThatThrownBy(() -> new OwnershipMachine<>(new ClaimsAFrame())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
    assertThatThrownBy(() -> new ExhaustiveChecker(new ClaimsAFrame(), 1, 0)).hasMessageStartingWith(message);
  }

  /** features() must not be null; the message names the subject. */
  @Test
  void nullFeaturesNameTheSubject() {
    var subject = new RecordBatchDataHandles<Void>() {
      @Override
      public Set<SubjectFeature> features() {
        return null;
      }
    };
    assertThatThrownBy(() -> SubjectFeature.checkDeclared(subject)).isInstanceOf(NullPointerException.class)
        .hasMessage("RecordBatchData.features()");
  }

  /** Implementing only part of a feature names the methods still missing. */
  @Test
  void partlyImplementedFeatureNamesTheMissingMethods() {
    var subject = new RecordBatchDataHandles<Void>() {
      @Override
      public Set<SubjectFeature> features() {
        return Set.of(SubjectFeature.FRAME);
      }

      @Override
      public List<RecordBatchData> extract(Void frame) {
        return List.of();
      }
    };
    assertThatThrownBy(() -> SubjectFeature.checkDeclared(subject))
        .hasMessageContaining("does not implement frameOf, closeFrame (");
    assertThat(SubjectFeature.checkDeclared(new RecordBatchDataSubject())).containsExactly(SubjectFeature.FRAME);
  }

  /** A frame method a subject does not implement throws, naming the subject, method and feature. */
  @Test
  void defaultFrameMethodsNameTheFeature() {
    HandlesOnlySubject subject = new HandlesOnlySubject();
    assertThatThrownBy(() -> subject.frameOf(null, "f", List.of())).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("RecordBatchData does not implement frameOf, a method of feature FRAME; implement frameOf, extract, "
            + "closeFrame and declare FRAME in features()");
    assertThatThrownBy(() -> subject.extract(null)).hasMessageContaining("does not implement extract, a method of feature FRAME");
    assertThatThrownBy(() -> subject.closeFrame(null)).hasMessageContaining("does not implement closeFrame, a method of feature FRAME");
  }

  /** Without FRAME the alphabet has no frame step; with it, it has frame creation. */
  @Test
  void frameStepsOnlyForSubjectsWithTheFeature() {
    StepAlphabet alphabet = new StepAlphabet(1, 1, List.of(3));
    ExactlyOnceModel model = new ExactlyOnceModel();
    assertThat(alphabet.stepsIn(model, 0, Set.of())).containsExactly(new Step.Allocate());
    assertThat(alphabet.stepsIn(model, 0, Set.of(SubjectFeature.FRAME)))
        .containsExactly(new Step.Allocate(), new Step.NewFrame(List.of(3), 0));
    assertThat(new Step.Extract(-1).requires()).containsExactly(SubjectFeature.FRAME);
    assertThat(new Step.CloseFrame().requires()).containsExactly(SubjectFeature.FRAME);
    assertThat(new Step.Close(0).requires()).isEmpty();
  }

  /** The machine refuses a frame step on a subject without the feature, naming both. */
  @Test
  void machineRefusesFrameStepsWithoutTheFeature() {
    try (var machine = new OwnershipMachine<>(new HandlesOnlySubject())) {
      String refusal = "RecordBatchData does not declare FRAME: frame steps cannot run on it";
      assertThatThrownBy(() -> machine.newFrame(List.of(1), 0)).isInstanceOf(IllegalStateException.class).hasMessage(refusal);
      assertThatThrownBy(() -> machine.extract(-1)).hasMessage(refusal);
      assertThatThrownBy(machine::closeFrame).hasMessage(refusal);
      assertThat(machine.history()).isEmpty();
      assertThat(machine).hasToString("RecordBatchData (features [] (no frame steps)) after []");
    }
  }

  /** The machine's result of the write path needs something to close. */
  @Test
  void importedNeedsABatchToClose() {
    assertThatThrownBy(() -> new Imported(3, null)).isInstanceOf(NullPointerException.class).hasMessage("batch");
  }

  /** Reports name the features checked. */
  @Test
  void reportsNameTheFeaturesChecked() {
    assertThat(SubjectFeature.describe(Set.of(SubjectFeature.FRAME))).isEqualTo("features [FRAME]");
    assertThat(new ExhaustiveChecker(new HandlesOnlySubject(), 1, 0).check(2, 60_000).subject())
        .isEqualTo("RecordBatchData (features [] (no frame steps))");
    assertThat(new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0).check(1, 60_000).subject())
        .isEqualTo("RecordBatchData (features [FRAME])");
  }

  /** The reference handles pass every sequence of a small bound without a frame. */
  @Test
  void handlesWithoutAFramePassTheExhaustiveCheck() {
    ExhaustiveReport report = new ExhaustiveChecker(new HandlesOnlySubject(), 2, 0).check(30, 60_000);
    assertThat(report.failed()).as(report.toString()).isEmpty();
    assertThat(report.closed()).as(report.toString()).isTrue();
  }
}
