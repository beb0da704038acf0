package dev.arrowownership.contract;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every step the exhaustive checker may take in a state: each operation on each handle and pair of
 * handles (misuse included), the frame's operations, and extraction with each allocation failing.
 *
 * @param handles how many handles {@code allocate()} and {@code moveFrom} may create
 * @param faultPoints extraction is tried without a fault and with allocation 0..faultPoints-1 failing
 * @param frameRows the batches' row counts of the one frame shape used
 */
record StepAlphabet(int handles, int faultPoints, List<Integer> frameRows) {
  /** Rows of every batch a handle is populated with. */
  static final int ROWS = 3;

  /** The steps possible in the model's state after {@code historyLength} steps, in a fixed order. */
  List<Step> stepsIn(ExactlyOnceModel model, int historyLength) {
    List<Step> steps = new ArrayList<>();
    int n = model.handleCount();
    if (n < handles) {
      steps.add(new Step.Allocate());
    }
    for (int h = 0; h < n; h++) {
      steps.add(new Step.Populate(h, ROWS, historyLength)); // seed: the step's position, so batches differ
      if (n < handles) {
        steps.add(new Step.MoveFrom(h));
      }
      for (int s = 0; s < n; s++) {
        steps.add(new Step.MoveAssign(h, s));
      }
      steps.add(new Step.ImportAndCloseRoot(h));
      steps.add(new Step.RowCount(h));
      steps.add(new Step.Close(h));
    }
    FrameStatus frame = model.frameStatus();
    if (frame == FrameStatus.ABSENT || frame == FrameStatus.CLOSED) {
      steps.add(new Step.NewFrame(frameRows, historyLength));
    } else {
      // Extraction adds one handle per batch: from an open frame only while within the handle bound.
      if (frame != FrameStatus.OPEN || n <= handles) {
        for (int k = -1; k < faultPoints; k++) {
          steps.add(new Step.Extract(k));
        }
      }
      steps.add(new Step.CloseFrame());
    }
    return steps;
  }

  /** The steps of {@link #stepsIn(ExactlyOnceModel, int)} that a subject with {@code features} can take. */
  List<Step> stepsIn(ExactlyOnceModel model, int historyLength, Set<SubjectFeature> features) {
    return stepsIn(model, historyLength).stream().filter(step -> features.containsAll(step.requires())).toList();
  }

  /**
   * The state up to renaming handles: the sorted statuses (with row counts) of all handles, closed
   * ones included since steps still address them, and the frame's status and content.
   */
  static String canonicalState(ExactlyOnceModel model) {
    List<String> handles = new ArrayList<>();
    for (int h = 0; h < model.handleCount(); h++) {
      HandleStatus status = model.status(h);
      handles.add(status == HandleStatus.OWNING ? "O" + model.rows(model.contentOf(h)) : status.name().substring(0, 1));
    }
    handles.sort(null);
    List<Long> frame = model.frameContent().stream().map(model::rows).toList();
    return handles + "|" + model.frameStatus() + frame;
  }
}
