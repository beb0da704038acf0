package dev.arrowownership.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.support.ArrowFixture;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Misuse gets a clear exception naming the handle and its state, and never releases anything twice. */
class RecordBatchDataMisuseTest {
  private final ArrowFixture arrow = new ArrowFixture();

  @AfterEach
  void closeAllocator() {
    arrow.close();
    assertThat(arrow.ledger.violations()).isEmpty();
  }

  /** Every operation but close and the queries throws on a closed handle, naming it. */
  @Test
  void useAfterCloseThrowsNamingTheHandle() {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h7");
    RecordBatchData other = RecordBatchData.allocate(arrow.allocator, "other");
    handle.close();

    assertClosed(handle::rowCount, "rowCount");
    assertClosed(handle::arrayAddress, "arrayAddress");
    assertClosed(handle::schemaAddress, "schemaAddress");
    assertClosed(() -> RecordBatchData.moveFrom(handle), "moveFrom");
    assertClosed(() -> handle.moveAssign(other), "moveAssign");
    assertClosed(() -> other.moveAssign(handle), "moveAssign");
    assertClosed(() -> handle.moveAssign(handle), "moveAssign");
    assertClosed(() -> handle.populate((a, s) -> {}), "fill");
    assertClosed(() -> handle.importBatch(arrow.allocator), "importBatch");
    assertThat(handle.isOwned()).isFalse();
    assertThat(handle).hasToString("RecordBatchData[h7 is CLOSED]");
    other.close();
  }

  /** An import into a closed allocator is refused before the batch moves: the handle keeps it. */
  @Test
  void importIntoAClosedAllocatorKeepsTheBatch() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      TrackedBatch batch = arrow.populate(handle, 3, 1);
      BufferAllocator closed = arrow.allocator.newChildAllocator("closed", 0, Long.MAX_VALUE);
      closed.close();
      assertThatThrownBy(() -> handle.importBatch(closed))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("h is OWNED: cannot importBatch into allocator closed, it is closed");
      assertThat(handle.rowCount()).isEqualTo(3);
      assertThat(arrow.releases(batch)).containsExactly(0, 0);
    }
  }

  /** Populating a handle that owns a batch is rejected and leaves that batch in place. */
  @Test
  void populateOfAnOwningHandleIsRejected() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      TrackedBatch batch = arrow.populate(handle, 5, 1);
      boolean[] producerRan = {false};
      assertThatThrownBy(() -> handle.populate((a, s) -> producerRan[0] = true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("h is OWNED: cannot fill, it would leak what it owns");
      assertThat(producerRan[0]).isFalse();
      assertThat(handle.rowCount()).isEqualTo(5);
      assertThat(arrow.releases(batch)).containsExactly(0, 0);
    }
  }

  /** A producer that leaves the structs released is reported, and the handle stays empty. */
  @Test
  void producerThatFillsNothingIsReported() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      assertThatThrownBy(() -> handle.populate((a, s) -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("h: the producer left the ArrowArray released (release == NULL)");
      assertThat(handle.state()).isEqualTo(HandleState.EMPTY);
    }
  }

  /** A producer that fills one struct only is reported naming the other; what it did fill stays owned and close releases it. */
  @Test
  void producerThatFillsOneStructIsReported() {
    assertHalfFillReported(StructKind.ARRAY, "ArrowSchema");
    assertHalfFillReported(StructKind.SCHEMA, "ArrowArray");
  }

  private void assertHalfFillReported(StructKind filled, String reportedReleased) {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h");
    HalfFill half = fillOnly(handle, filled);
    assertThat(half.failure())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("h: the producer left the " + reportedReleased + " released (release == NULL)");
    assertThat(handle.state()).isEqualTo(HandleState.OWNED);
    handle.close();
    assertThat(arrow.ledger.releaseCount(half.struct())).isEqualTo(1);
  }

  /** A half-filled handle cannot be imported: the import is refused and the one struct it owned is released once. */
  @Test
  void importOfAHalfFilledHandleIsRefusedAndReleasesIt() {
    assertHalfFilledImportRefused(StructKind.ARRAY);
    assertHalfFilledImportRefused(StructKind.SCHEMA);
  }

  private void assertHalfFilledImportRefused(StructKind filled) {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      HalfFill half = fillOnly(handle, filled); // its failure: see producerThatFillsOneStructIsReported
      String held = filled == StructKind.ARRAY ? "ArrowArray" : "ArrowSchema";
      assertThatThrownBy(() -> handle.importBatch(arrow.allocator))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("h held only its " + held + " (released now): cannot importBatch, it owns no complete batch");
      assertThat(arrow.ledger.releaseCount(half.struct())).isEqualTo(1);
      assertThat(handle.state()).isEqualTo(HandleState.EMPTY);
    }
  }

  /** The payload refuses a move target that still owns a struct (here only its schema): overwriting it would leak. */
  @Test
  void payloadRefusesAnOwningMoveTarget() {
    CDataPayload source = CDataPayload.allocate(arrow.allocator);
    CDataPayload target = CDataPayload.allocate(arrow.allocator);
    try {
      Data.exportField(arrow.allocator, Field.nullable("x", new ArrowType.Int(32, true)), null, target.schema);
      assertThatThrownBy(() -> source.moveTo(target))
          .isInstanceOf(IllegalStateException.class).hasMessage("move target still owns content");
      assertThat(target.schemaOwned()).isTrue();
    } finally {
      target.release();
      target.free();
      source.free();
    }
  }

  /** The one struct a half-filling producer filled, and what populate threw. */
  private record HalfFill(TrackedStruct struct, Throwable failure) {}

  /** Populates {@code handle} with a producer that exports a small int column into the {@code kind} struct only. */
  private HalfFill fillOnly(RecordBatchData handle, StructKind kind) {
    TrackedStruct[] filled = new TrackedStruct[1];
    Throwable failure = catchThrowable(() -> handle.populate((array, schema) -> {
      try (IntVector column = new IntVector("x", arrow.allocator)) {
        column.allocateNew(3);
        column.setValueCount(3);
        if (kind == StructKind.ARRAY) {
          Data.exportVector(arrow.allocator, column, null, array);
        } else {
          Data.exportField(arrow.allocator, column.getField(), null, schema);
        }
      }
      long address = kind == StructKind.ARRAY ? array.memoryAddress() : schema.memoryAddress();
      filled[0] = arrow.ledger.track(kind, address, "half");
    }));
    return new HalfFill(filled[0], failure);
  }

  /** A producer that throws after filling leaves its content owned by the handle, so close releases it. */
  @Test
  void producerFailureAfterFillingLeavesTheContentOwned() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      RecordBatchData helper = RecordBatchData.allocate(arrow.allocator, "helper");
      TrackedBatch batch = arrow.populate(helper, 3, 2);
      assertThatThrownBy(() -> handle.populate((a, s) -> {
        a.save(org.apache.arrow.c.ArrowArray.wrap(helper.arrayAddress()).snapshot());
        org.apache.arrow.c.ArrowArray.wrap(helper.arrayAddress()).markReleased();
        s.save(org.apache.arrow.c.ArrowSchema.wrap(helper.schemaAddress()).snapshot());
        org.apache.arrow.c.ArrowSchema.wrap(helper.schemaAddress()).markReleased();
        throw new IllegalArgumentException("producer failed late");
      })).hasMessage("producer failed late");
      helper.close();
      assertThat(handle.isOwned()).isTrue();
      handle.close();
      assertThat(arrow.releases(batch)).containsExactly(1, 1);
    }
  }

  /** Importing an empty handle is rejected with its name. */
  @Test
  void importOfAnEmptyHandleIsRejected() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      assertThatThrownBy(() -> handle.importBatch(arrow.allocator))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("h is EMPTY: cannot importBatch, it owns no complete batch");
    }
  }

  /** A move-assignment from a closed source leaves the target's batch untouched. */
  @Test
  void moveAssignFromAClosedSourceChangesNothing() {
    try (RecordBatchData target = RecordBatchData.allocate(arrow.allocator, "target")) {
      TrackedBatch batch = arrow.populate(target, 4, 3);
      RecordBatchData source = RecordBatchData.allocate(arrow.allocator, "source");
      source.close();
      assertThatThrownBy(() -> target.moveAssign(source))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("source is CLOSED");
      assertThat(target.rowCount()).isEqualTo(4);
      assertThat(arrow.releases(batch)).containsExactly(0, 0);
    }
  }

  /** A producer that calls back into the handle it is filling gets an exception, not a deadlock. */
  @Test
  void reentrantCallFromAProducerThrows() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      assertThatThrownBy(() -> handle.populate((a, s) -> handle.close()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("h is BUSY: cannot close from inside its own operation");
      // isOwned() answers false only for a closed handle; a busy one is a re-entrant call like any other
      assertThatThrownBy(() -> handle.populate((a, s) -> handle.isOwned()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("h is BUSY: cannot isOwned from inside its own operation");
      assertThat(handle.state()).isEqualTo(HandleState.EMPTY);
    }
  }

  /** Null arguments and closed allocators are rejected with a message naming what is wrong. */
  @Test
  void nullArgumentsAndClosedAllocatorsAreRejected() {
    assertThatThrownBy(() -> RecordBatchData.allocate(null)).isInstanceOf(NullPointerException.class).hasMessage("allocator");
    assertThatThrownBy(() -> RecordBatchData.moveFrom(null)).isInstanceOf(NullPointerException.class).hasMessage("source");
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      assertThatThrownBy(() -> handle.moveAssign(null)).isInstanceOf(NullPointerException.class).hasMessage("source");
      assertThatThrownBy(() -> handle.populate((StructFiller) null)).isInstanceOf(NullPointerException.class).hasMessage("producer");
      assertThatThrownBy(() -> handle.importBatch(null)).isInstanceOf(NullPointerException.class).hasMessage("target");
    }
    BufferAllocator closed = arrow.allocator.newChildAllocator("closed", 0, Long.MAX_VALUE);
    closed.close();
    assertThatThrownBy(() -> RecordBatchData.allocate(closed, "h"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("h: cannot allocate structs from allocator closed");
  }

  private static void assertClosed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String operation) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is CLOSED: cannot " + operation);
  }
}
