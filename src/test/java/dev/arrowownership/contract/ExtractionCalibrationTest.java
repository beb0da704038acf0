package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.ExtractionLeaksOnFailure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan's one input from the subject: which of an extraction's allocations exist to fail, learnt
 * by running the alphabet's frame on the subject.
 */
class ExtractionCalibrationTest {

  /** The reference extraction of a three-batch frame allocates six times: faults #0 to #5 fire, #6 and #7 do not. */
  @Test
  void theReferenceExtractionAllocatesTwicePerBatch() {
    ExtractionCalibration calibration = ExtractionCalibration.of(new RecordBatchDataSubject(), Set.of(SubjectFeature.FRAME),
        new StepAlphabet(1, 8, List.of(3, 3, 3)));
    assertThat(calibration.fires(-1)).isFalse();
    for (int k = 0; k < 6; k++) {
      assertThat(calibration.fires(k)).as("#%d", k).isTrue();
    }
    assertThat(calibration.fires(6)).isFalse();
    assertThat(calibration.fires(7)).isFalse();
    assertThat(calibration.fires(8)).as("beyond the alphabet").isFalse();
    assertThat(calibration).hasToString("extraction faults firing: #0 #1 #2 #3 #4 #5");
  }

  /** A subject without frames takes no extraction step: nothing to calibrate, nothing fires. */
  @Test
  void withoutFramesNothingFires() {
    ExtractionCalibration calibration = ExtractionCalibration.of(new HandlesOnlySubject(), Set.of(),
        new StepAlphabet(1, 2, List.of(3)));
    assertThat(calibration).isSameAs(ExtractionCalibration.NONE).hasToString("extraction faults firing: none");
    assertThat(calibration.fires(0)).isFalse();
  }

  /**
   * A subject that leaks when an extraction fails fails the calibration run's checks; the outcome
   * is read all the same: the fault fired.
   */
  @Test
  void aBrokenSubjectIsCalibratedByWhatHappened() {
    ExtractionCalibration calibration = ExtractionCalibration.of(new ExtractionLeaksOnFailure(), Set.of(SubjectFeature.FRAME),
        new StepAlphabet(1, 4, List.of(3, 3, 3)));
    assertThat(calibration).hasToString("extraction faults firing: #0 #1 #2 #3");
  }

  /** The calibration runs close what they made: every frame, extracted or not, is closed. */
  @Test
  void calibrationClosesEveryFrameItMade() {
    int[] frames = {0, 0}; // made, closed
    RecordBatchDataSubject counting = new RecordBatchDataSubject() {
      @Override
      public dev.arrowownership.wrapper.ArrowOutputFrame frameOf(org.apache.arrow.memory.BufferAllocator allocator, String name,
          List<dev.arrowownership.wrapper.RecordBatchData> batches) {
        frames[0]++;
        return super.frameOf(allocator, name, batches);
      }

      @Override
      public void closeFrame(dev.arrowownership.wrapper.ArrowOutputFrame frame) {
        frames[1]++;
        super.closeFrame(frame);
      }
    };
    ExtractionCalibration.of(counting, Set.of(SubjectFeature.FRAME), new StepAlphabet(1, 3, List.of(3)));
    assertThat(frames).containsExactly(3, 3);
  }

  @Test
  void firingSaysWhichFire() {
    ExtractionCalibration calibration = ExtractionCalibration.firing(false, true);
    assertThat(calibration.fires(0)).isFalse();
    assertThat(calibration.fires(1)).isTrue();
    assertThat(calibration.fires(2)).isFalse();
    assertThat(calibration).hasToString("extraction faults firing: #1");
  }
}
