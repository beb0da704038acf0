package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generators' preconditions and step labels, on a real machine: the handle bound counts open
 * handles only, a frame can be replaced only once closed, and steps that make a handle are labelled
 * with its name as shrunk counterexamples print them.
 */
class StepGeneratorsTest {

  @Test
  void openHandlesCountsAllButClosedOnes() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      assertThat(StepGenerators.openHandles(m)).isZero();
      m.allocate();
      m.allocate();
      m.allocate();
      m.close(1);
      assertThat(StepGenerators.openHandles(m)).isEqualTo(2);
    }
  }

  /**
   * allocate() is generated up to the bound of open handles and no further; closing one makes room:
   * the bound keeps generated sequences to a few live batches.
   */
  @Test
  void allocateIsGeneratedOnlyBelowTheOpenHandleBound() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      for (int h = 0; h < StepGenerators.MAX_OPEN_HANDLES - 1; h++) {
        m.allocate();
      }
      assertThat(StepGenerators.mayAllocate(m)).isTrue();
      m.allocate();
      assertThat(StepGenerators.mayAllocate(m)).isFalse();
      m.close(0);
      assertThat(StepGenerators.mayAllocate(m)).isTrue();
    }
  }

  @Test
  void frameIsReplaceableWhenAbsentOrClosed() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      assertThat(StepGenerators.frameReplaceable(m)).isTrue();
      m.newFrame(List.of(1), 1);
      assertThat(StepGenerators.frameReplaceable(m)).isFalse();
      m.closeFrame();
      assertThat(StepGenerators.frameReplaceable(m)).isTrue();
    }
  }

  @Test
  void stepsThatMakeAHandleAreLabelledWithItsName() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.allocate();
      assertThat(StepGenerators.describe(new Step.Allocate(), m)).isEqualTo("h2 = allocate()");
      assertThat(StepGenerators.describe(new Step.MoveFrom(0), m)).isEqualTo("h2 = moveFrom(h0)");
      assertThat(StepGenerators.describe(new Step.Close(1), m)).isEqualTo("h1.close()");
    }
  }

  /** Steps replay themselves on the machine: the import step runs (and releases) through it. */
  @Test
  void stepsApplyToTheMachine() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      List.of(new Step.Allocate(), new Step.Populate(0, 2, 1), new Step.MoveFrom(0), new Step.MoveAssign(0, 1),
          new Step.RowCount(0), new Step.ImportAndCloseRoot(0)).forEach(s -> s.applyTo(m));
      assertThat(m.history()).containsExactly("h0 = allocate()", "h0.populate(rows=2)", "h1 = moveFrom(h0)",
          "h0.moveAssign(h1)", "h0.rowCount()", "h0.importBatch().close()");
      assertThat(m.model().unreleased()).isEmpty();
    }
  }
}
