package dev.arrowownership.contract;

import dev.arrowownership.model.Expected;
import java.util.Set;

/**
 * The one input of the model-only plan ({@link ModelPlan}) that depends on the subject: whether
 * {@code extract(faultAt)}'s injected allocation failure fires, i.e. whether the subject's
 * extraction makes more than {@code faultAt} allocations from the frame's allocator. The model
 * cannot know (it leaves allocation to the wrapper), so it is learnt by calibration runs: for each
 * fault point, a fresh {@link OwnershipMachine} builds the alphabet's frame and extracts it with
 * that allocation failing, and the machine's outcome (FAULT or not, recorded before its checks run)
 * says whether the fault fired. A subject whose extraction allocates differently later on (after
 * other steps, or for another frame) is mispredicted there; the shard's check of every run against
 * the plan ({@link PlanCheck}) catches it and explores what the plan missed.
 */
final class ExtractionCalibration {
  /** For a subject without frames or an alphabet without fault points: no fault fires. */
  static final ExtractionCalibration NONE = new ExtractionCalibration(new boolean[0]);

  private final boolean[] fires;

  private ExtractionCalibration(boolean[] fires) {
    this.fires = fires;
  }

  /** Says, for each of the alphabet's fault points, whether it fires on {@code subject}, by running it. */
  static ExtractionCalibration of(OwnershipSubject<?, ?> subject, Set<SubjectFeature> features, StepAlphabet alphabet) {
    if (!features.contains(SubjectFeature.FRAME)) {
      return NONE;
    }
    boolean[] fires = new boolean[alphabet.faultPoints()];
    for (int k = 0; k < fires.length; k++) {
      fires[k] = faultFires(subject, alphabet, k);
    }
    return new ExtractionCalibration(fires);
  }

  /** For tests: the given fault points fire, the rest do not. */
  static ExtractionCalibration firing(boolean... fires) {
    return new ExtractionCalibration(fires.clone());
  }

  /** Whether extraction with allocation {@code faultAt} failing (-1: none) throws the injected failure. */
  boolean fires(int faultAt) {
    return faultAt >= 0 && faultAt < fires.length && fires[faultAt];
  }

  /**
   * A broken subject may fail the calibration run's checks, or leak at close: that run's outcome is
   * read all the same (the real runs of these steps fail or pass on their own), and its leak is not this
   * calibration's to report.
   */
  private static boolean faultFires(OwnershipSubject<?, ?> subject, StepAlphabet alphabet, int faultAt) {
    OwnershipMachine<?, ?> machine = new OwnershipMachine<>(subject);
    try {
      machine.newFrame(alphabet.frameRows(), 0);
      machine.extract(faultAt);
    } catch (AssertionError | RuntimeException brokenSubject) {
      // the outcome below was recorded before the check that threw
    }
    try {
      machine.close();
    } catch (RuntimeException leak) {
      // reported by the real run of any sequence with these steps
    }
    return machine.outcomeCount(Expected.Outcome.FAULT) > 0;
  }

  @Override
  public String toString() {
    StringBuilder firing = new StringBuilder();
    for (int k = 0; k < fires.length; k++) {
      firing.append(fires[k] ? "#" + k + " " : "");
    }
    return "extraction faults firing: " + (firing.length() == 0 ? "none" : firing.toString().strip());
  }
}
