package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which steps the exhaustive check tries in a state, and which states it treats as the same. */
class StepAlphabetTest {
  private static final StepAlphabet ONE_HANDLE_TWO_FAULTS = new StepAlphabet(1, 2, List.of(3));

  /** An empty model: a handle can be allocated (bound not reached) and a frame made. */
  @Test
  void emptyModelOffersAllocateAndFrame() {
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(new ExactlyOnceModel(), 0)).hasToString("[allocate(), f = frame(rows=[3])]");
  }

  /** At the handle bound: no allocate() and no moveFrom(), the handle's own operations only. */
  @Test
  void atTheHandleBoundNoNewHandles() {
    ExactlyOnceModel model = new ExactlyOnceModel();
    model.allocate();
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(model, 1)).hasToString("[h0.populate(rows=3), h0.moveAssign(h0),"
        + " h0.importBatch().close(), h0.rowCount(), h0.close(), f = frame(rows=[3])]");
  }

  /** An open frame: extraction without a fault and with each fault point, then close; a closed one: a new frame. */
  @Test
  void openFrameOffersEachFaultPointAndClose() {
    ExactlyOnceModel model = new ExactlyOnceModel();
    model.newFrame(List.of(3L), List.of(0));
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(model, 1)).hasToString("[allocate(), f.extractRecordBatches(),"
        + " f.extractRecordBatches() [allocation #0 fails], f.extractRecordBatches() [allocation #1 fails], f.close()]");
    model.closeFrame();
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(model, 2)).hasToString("[allocate(), f = frame(rows=[3])]");
  }

  /** Extraction is still offered with the handles at the bound (it may go one batch past it), not beyond. */
  @Test
  void extractionAtTheHandleBound() {
    ExactlyOnceModel model = new ExactlyOnceModel();
    model.allocate();
    model.newFrame(List.of(3L), List.of(0));
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(model, 2).toString()).contains("f.extractRecordBatches(), ");
    model.allocate();
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(model, 3).toString()).doesNotContain("f.extractRecordBatches()").endsWith("f.close()]");
  }

  /**
   * Below the handle bound a handle can be moved or copied into a new one; an extracted
   * frame is offered another extraction (misuse the subject must refuse) whatever the handle count.
   */
  @Test
  void moveFromBelowTheBoundAndExtractionAgainFromAnExtractedFrame() {
    ExactlyOnceModel model = new ExactlyOnceModel();
    model.allocate();
    assertThat(new StepAlphabet(2, 0, List.of(3)).stepsIn(model, 1).toString()).contains("moveFrom(h0), copy(h0), ");
    model.newFrame(List.of(3L), List.of(0));
    model.extract(false); // one more handle: two, past this alphabet's bound of one
    assertThat(model.frameStatus()).isEqualTo(FrameStatus.EXTRACTED);
    assertThat(ONE_HANDLE_TWO_FAULTS.stepsIn(model, 3).toString()).contains("f.extractRecordBatches(), ");
  }

  /** States equal up to handle renaming are one state: sorted handles, each with its status, an empty one's origin, and what the wrapper reports. */
  @Test
  void canonicalStateIgnoresHandleOrder() {
    try (OwnershipMachine<?, ?> a = new OwnershipMachine<>(new RecordBatchDataSubject());
        OwnershipMachine<?, ?> b = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      a.allocate();
      a.allocate();
      a.populate(1, 3, 0);
      b.allocate();
      b.allocate();
      b.populate(0, 3, 7);
      assertThat(StepAlphabet.canonicalState(a)).isEqualTo(StepAlphabet.canonicalState(b))
          .isEqualTo("[E:new:-,0,as, O3:owned,3,AS]|ABSENT:absent[]");
      a.newFrame(List.of(4), 0);
      a.close(0);
      assertThat(StepAlphabet.canonicalState(a)).isEqualTo("[C:-, O3:owned,3,AS]|OPEN:new[4]");
    }
  }

  /** A handle emptied by a move, an import or a close of its content is not a new one. */
  @Test
  void canonicalStateKeepsHowAHandleBecameEmpty() {
    try (OwnershipMachine<?, ?> m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.populate(0, 3, 0);
      m.moveFrom(0);
      assertThat(StepAlphabet.canonicalState(m)).isEqualTo("[E:movedOut:-,0,as, O3:owned,3,AS]|ABSENT:absent[]");
      m.importAndCloseRoot(1);
      m.allocate();
      m.moveAssign(2, 0);
      assertThat(StepAlphabet.canonicalState(m))
          .isEqualTo("[E:imported:-,0,as, E:movedOut:-,0,as, E:released:-,0,as]|ABSENT:absent[]");
    }
  }

  /** A frame after a failed extraction is keyed by the failing allocation, not taken for a new frame. */
  @Test
  void canonicalStateKeepsAFailedExtraction() {
    try (OwnershipMachine<?, ?> m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(3, 3, 3), 0);
      assertThat(StepAlphabet.canonicalState(m)).isEqualTo("[]|OPEN:new[3, 3, 3]");
      m.extract(4);
      assertThat(StepAlphabet.canonicalState(m)).isEqualTo("[]|OPEN:faulted#4[3, 3, 3]");
      m.extract(-1);
      assertThat(StepAlphabet.canonicalState(m)).isEqualTo(
          "[O3:owned,3,AS, O3:owned,3,AS, O3:owned,3,AS]|EXTRACTED:extracted[]");
    }
    assertThat(StepAlphabet.initialState()).isEqualTo("[]|ABSENT:absent[]");
  }
}
