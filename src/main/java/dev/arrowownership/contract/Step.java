package dev.arrowownership.contract;

import java.util.List;
import java.util.Set;

/**
 * One operation of a generated or enumerated sequence, applied to an {@link OwnershipMachine}.
 * Handles are named by their creation index ({@code h0}, {@code h1}, ...); the frame is {@code f}.
 */
public sealed interface Step {

  /** Runs this step on the machine, which checks it against the model. */
  void applyTo(OwnershipMachine<?, ?> machine);

  /**
   * Applies only this step's expected transition, as {@link #applyTo} has the machine apply it after
   * the real operation: what the model-only plan ({@link ModelPlan}) predicts. Batches it creates
   * have no data ({@link ModelState#UNREAD_FINGERPRINT}).
   *
   * @param extraction whether an extraction's injected allocation failure fires, as calibrated on the subject
   */
  void predict(ModelState state, ExtractionCalibration extraction);

  /** The subject features this step needs; it is taken only on subjects that declare them all. */
  default Set<SubjectFeature> requires() {
    return Set.of();
  }

  /** {@code hN = allocate()}. */
  record Allocate() implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.allocate();
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.allocate();
    }

    @Override
    public String toString() {
      return "allocate()";
    }
  }

  /** {@code h.populate(batch)} with a generated batch. */
  record Populate(int handle, int rows, long seed) implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.populate(handle, rows, seed);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.populate(handle, rows, ModelState.UNREAD_FINGERPRINT);
    }

    @Override
    public String toString() {
      return "h" + handle + ".populate(rows=" + rows + ")";
    }
  }

  /** {@code hN = moveFrom(h)}. */
  record MoveFrom(int source) implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.moveFrom(source);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.moveFrom(source);
    }

    @Override
    public String toString() {
      return "moveFrom(h" + source + ")";
    }
  }

  /** {@code hN = copy(h)}: {@link SubjectFeature#COPY}; the model's transition is {@link CopyTransition}'s. */
  record Copy(int source) implements Step {
    @Override
    public Set<SubjectFeature> requires() {
      return Set.of(SubjectFeature.COPY);
    }

    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.copy(source);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.copy(source);
    }

    @Override
    public String toString() {
      return "copy(h" + source + ")";
    }
  }

  /** {@code target.moveAssign(source)}; self-assignment when both are the same. */
  record MoveAssign(int target, int source) implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.moveAssign(target, source);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.moveAssign(target, source);
    }

    @Override
    public String toString() {
      return "h" + target + ".moveAssign(h" + source + ")";
    }
  }

  /** The write path: import into Arrow Java, then close the root. */
  record ImportAndCloseRoot(int handle) implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.importAndCloseRoot(handle);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.importAndCloseRoot(handle);
    }

    @Override
    public String toString() {
      return "h" + handle + ".importBatch().close()";
    }
  }

  /** {@code h.rowCount()}: a read, and use-after-close when the handle is closed. */
  record RowCount(int handle) implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.rowCount(handle);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.rowCount(handle);
    }

    @Override
    public String toString() {
      return "h" + handle + ".rowCount()";
    }
  }

  /** {@code h.close()}, a double close when already closed. */
  record Close(int handle) implements Step {
    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.close(handle);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.close(handle);
    }

    @Override
    public String toString() {
      return "h" + handle + ".close()";
    }
  }

  /** {@code f = frame(rows...)}. */
  record NewFrame(List<Integer> rows, long seed) implements Step {
    @Override
    public Set<SubjectFeature> requires() {
      return Set.of(SubjectFeature.FRAME);
    }

    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.newFrame(rows, seed);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.newFrame(rows.stream().map(Integer::longValue).toList(),
          rows.stream().map(r -> ModelState.UNREAD_FINGERPRINT).toList());
    }

    @Override
    public String toString() {
      return "f = frame(rows=" + rows + ")";
    }
  }

  /** {@code f.extractRecordBatches()}, with allocation {@code faultAt} failing if it is >= 0. */
  record Extract(int faultAt) implements Step {
    @Override
    public Set<SubjectFeature> requires() {
      return Set.of(SubjectFeature.FRAME);
    }

    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.extract(faultAt);
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.extract(extraction.fires(faultAt), faultAt);
    }

    @Override
    public String toString() {
      return "f.extractRecordBatches()" + (faultAt >= 0 ? " [allocation #" + faultAt + " fails]" : "");
    }
  }

  /** {@code f.close()}. */
  record CloseFrame() implements Step {
    @Override
    public Set<SubjectFeature> requires() {
      return Set.of(SubjectFeature.FRAME);
    }

    @Override
    public void applyTo(OwnershipMachine<?, ?> machine) {
      machine.closeFrame();
    }

    @Override
    public void predict(ModelState state, ExtractionCalibration extraction) {
      state.closeFrame();
    }

    @Override
    public String toString() {
      return "f.close()";
    }
  }
}
