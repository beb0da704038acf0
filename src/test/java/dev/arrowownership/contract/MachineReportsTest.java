package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.Expected;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * What the machine records for the exhaustive checker's state key after extraction and close, and
 * the step checks' edges: a rowCount that was misuse compares no value, and a release of a base
 * struct the machine never recorded fails the release rule.
 */
class MachineReportsTest {

  /** An extraction records one origin per handle it hands out and the frame as extracted. */
  @Test
  void extractionRecordsEachHandleFilledAndTheFrameExtracted() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(3, 3, 3), 1);
      m.extract(-1);
      m.allocate();

      assertThat(m.origins().of(0)).isEqualTo("filled");
      assertThat(m.origins().of(2)).isEqualTo("filled");
      assertThat(m.origins().of(3)).isEqualTo("new");
      assertThat(m.origins().frame()).isEqualTo("extracted");
      m.finish();
    }
  }

  /** A failed extraction records the failed allocation on the frame and no handle. */
  @Test
  void failedExtractionRecordsTheFaultAndNoHandle() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(3, 3, 3), 1);
      m.extract(2);
      m.allocate();

      assertThat(m.handleCount()).isEqualTo(1);
      assertThat(m.origins().of(0)).isEqualTo("new");
      assertThat(m.origins().frame()).isEqualTo("faulted#2");
      m.finish();
    }
  }

  /** A closed handle reports only whether it still claims to own something. */
  @Test
  void closedHandleReportsOwnershipOnly() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.populate(0, 3, 1);
      assertThat(m.reports(0)).isEqualTo("owned,3,AS");
      m.close(0);

      assertThat(m.reports(0)).isEqualTo("-");
      m.finish();
    }
  }

  /** An extraction rejected as misuse leaves the frame's recorded state as it was. */
  @Test
  void extractionThatIsMisuseKeepsTheFramesState() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(3, 3, 3), 1);
      m.closeFrame();
      m.extract(-1);

      assertThat(m.origins().frame()).isEqualTo("closed");
      m.finish();
    }
  }

  /** A closed handle whose wrapper still says it owns something reports exactly that. */
  @Test
  void closedHandleThatStillClaimsOwnershipReportsIt() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger()) {
      RecordBatchDataSubject claimsOwnership = new RecordBatchDataSubject() {
        @Override
        public boolean isOwned(RecordBatchData handle) {
          return true;
        }
      };
      ExactlyOnceModel model = new ExactlyOnceModel();
      model.allocate();
      model.close(0);
      RecordBatchData handle = claimsOwnership.allocate(allocator, "h0");
      claimsOwnership.close(handle);
      StepChecks<RecordBatchData> checks = new StepChecks<>(claimsOwnership, List.of(handle), model, ledger,
          new ArrayList<>());

      assertThat(checks.reports(0)).isEqualTo("owned");
    }
  }

  /** A rowCount the model rejects as misuse is not compared with a value. */
  @Test
  void rowCountThatIsMisuseComparesNoValue() {
    try (ReleaseLedger ledger = new ReleaseLedger()) {
      StepChecks<?> checks = new StepChecks<>(new RecordBatchDataSubject(), new ArrayList<>(), new ExactlyOnceModel(),
          ledger, new ArrayList<>());
      assertThatCode(() -> checks.rowCount("h0.rowCount()", Expected.illegalState(), 7)).doesNotThrowAnyException();
      assertThatThrownBy(() -> checks.rowCount("h0.rowCount()", Expected.ok(3), 7))
          .hasMessageContaining("rowCount() returned 7, the model says 3");
    }
  }

  /** A release of a base struct the ledger tracks but the machine never recorded fails the release rule. */
  @Test
  void releaseOfAnUnrecordedBaseStructFailsTheReleaseRule() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
         ArrowArray array = ArrowArray.allocateNew(allocator); ArrowSchema schema = ArrowSchema.allocateNew(allocator);
         IntVector ints = new IntVector("x", allocator)) {
      ints.allocateNew(1);
      ints.setValueCount(1);
      Data.exportVector(allocator, ints, null, array, schema);
      StepChecks<?> checks = new StepChecks<>(new RecordBatchDataSubject(), new ArrayList<>(), new ExactlyOnceModel(),
          ledger, new ArrayList<>());
      ledger.track(StructKind.ARRAY, array.memoryAddress(), "stray");
      array.release();
      schema.release();

      assertThatThrownBy(() -> checks.releases("step", Expected.ok(), ledger.eventsSince(0), 0))
          .hasMessageContaining("release of an untracked struct stray");
    }
  }
}
