package dev.arrowownership.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.ArrowFixture;
import org.apache.arrow.memory.BufferAllocator;
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
