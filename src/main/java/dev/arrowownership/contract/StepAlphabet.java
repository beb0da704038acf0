package dev.arrowownership.contract;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

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
        steps.add(new Step.Copy(h)); // only for subjects with COPY: stepsIn(model, length, features) filters it
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
   * The state after {@code machine}'s steps, up to renaming handles: for every handle (closed ones
   * included, since steps still address them) its model status and row count, how it came to be
   * in it ({@link Origins}: a moved-from handle is not a new one), and what the implementation
   * itself reports for it; then the frame's status, how it got there (a failed extraction at
   * allocation #k is not a new frame) and the row counts of the batches it still owns.
   *
   * <p>Why pruning on this key is sound: the alphabet treats handles alike (every step on every
   * handle), so renaming them maps successors to successors; two states with one key agree on
   * everything the model decides by, and on everything the wrapper shows of each handle and on the
   * last operation that changed it. A wrapper is assumed to behave alike when all of that agrees;
   * state it hides beyond that (a counter of calls, say) is outside what this key can see.
   */
  static String canonicalState(OwnershipMachine<?, ?> machine) {
    return key(machine.modelState(), machine::reports);
  }

  /**
   * {@link #canonicalState} without what the implementation reports: the key a model-only plan
   * ({@link ModelPlan}) can compute, and the model's part of a real state's key.
   */
  static String modelState(ModelState state) {
    return key(state, h -> "");
  }

  /** The key of {@code state}, each handle's entry ending with {@code reports} of it (empty: the model's part only). */
  private static String key(ModelState state, IntFunction<String> reports) {
    ExactlyOnceModel model = state.model();
    List<String> handles = new ArrayList<>();
    for (int h = 0; h < model.handleCount(); h++) {
      HandleStatus status = model.status(h);
      // Only an empty handle's origin is kept: owning and closed ones differ in nothing the model or a step
      // can tell apart by origin (content identity is checked after every step), and keeping it multiplies the states.
      String origin = status == HandleStatus.EMPTY ? ":" + state.origins().of(h) : "";
      handles.add((status == HandleStatus.OWNING ? "O" + model.rows(model.contentOf(h)) : status.name().substring(0, 1))
          + origin + ":" + reports.apply(h));
    }
    handles.sort(null);
    List<Long> frame = model.frameContent().stream().map(model::rows).toList();
    return handles + "|" + model.frameStatus() + ":" + state.origins().frame() + frame;
  }

  /** The key of the state before any step: no handle reports anything yet, so it is the model's part alone. */
  static String initialState() {
    return modelState(new ModelState());
  }
}
