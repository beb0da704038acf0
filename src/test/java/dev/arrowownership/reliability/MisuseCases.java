package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.ArrowFixture;
import dev.arrowownership.wrapper.HandleState;
import dev.arrowownership.wrapper.RecordBatchData;
import dev.arrowownership.wrapper.StructFiller;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** One generated misuse, run on handle {@code h} and checked; every handle is closed on return. */
final class MisuseCases {
  private MisuseCases() {}

  /** Runs the misuse; returns the batch {@code h} was populated with, or null. */
  static TrackedBatch run(ArrowFixture arrow, Misuse misuse, HandleCall call, boolean owning, int rows) throws Exception {
    RecordBatchData h = RecordBatchData.allocate(arrow.allocator, "h");
    try {
      TrackedBatch batch = owning || misuse == Misuse.USE_AFTER_MOVE ? arrow.populate(h, rows, rows) : null;
      switch (misuse) {
        case NULL_ARGUMENT -> nullArgument(h, call, arrow.allocator);
        case CLOSED_ALLOCATOR -> closedAllocator(h, call, arrow.allocator);
        case FOREIGN_ALLOCATOR, ZERO_ADDRESS -> // covered by their own properties; here: the accessor rejects 0
            throwsNaming(() -> StructKind.ARRAY.release(0), IllegalArgumentException.class, "NULL ARRAY struct address");
        case USE_AFTER_CLOSE -> {
          h.close();
          throwsNaming(() -> call.on(h, arrow.allocator), IllegalStateException.class, "h is CLOSED: cannot " + call.operation());
        }
        case USE_AFTER_MOVE -> useAfterMove(h, call, arrow.allocator);
        case RELEASED_STRUCT -> throwsNaming(() -> h.populate((StructFiller) (a, s) -> {}), IllegalStateException.class,
            owning ? "h is OWNED: cannot fill" : "h: the producer left the ArrowArray released (release == NULL)");
        case CLOSE_DURING_READ -> {
          h.close(); // this case makes its own handle, populated while another thread closes it
          return closeDuringOperation(arrow, call, rows);
        }
      }
      return batch;
    } finally {
      h.close();
    }
  }

  private static void nullArgument(RecordBatchData h, HandleCall call, BufferAllocator allocator) {
    HandleState before = h.state();
    switch (call) {
      case MOVE_FROM -> throwsNaming(() -> RecordBatchData.moveFrom(null), NullPointerException.class, "source");
      case MOVE_ASSIGN_SELF -> throwsNaming(() -> h.moveAssign(null), NullPointerException.class, "source");
      case POPULATE -> throwsNaming(() -> h.populate((StructFiller) null), NullPointerException.class, "producer");
      case IMPORT -> throwsNaming(() -> h.importBatch(null), NullPointerException.class, "target");
      default -> throwsNaming(() -> RecordBatchData.allocate(allocator, null), NullPointerException.class, "name");
    }
    assertThat(h.state()).as("a rejected call changes nothing").isEqualTo(before);
  }

  private static void closedAllocator(RecordBatchData h, HandleCall call, BufferAllocator parent) {
    BufferAllocator closed = parent.newChildAllocator("closed", 0, Long.MAX_VALUE);
    closed.close();
    if (call == HandleCall.IMPORT && h.isOwned()) {
      throwsNaming(() -> h.importBatch(closed), IllegalStateException.class, "h is OWNED: cannot importBatch into allocator closed");
      assertThat(h.isOwned()).as("a rejected import keeps the batch").isTrue();
    } else {
      throwsNaming(() -> RecordBatchData.allocate(closed, "h2"), IllegalStateException.class,
          "h2: cannot allocate structs from allocator closed");
    }
  }

  private static void useAfterMove(RecordBatchData h, HandleCall call, BufferAllocator allocator) {
    try (RecordBatchData moved = RecordBatchData.moveFrom(h)) {
      assertThat(moved.isOwned()).isTrue();
      switch (call) {
        case IMPORT -> throwsNaming(() -> call.on(h, allocator), IllegalStateException.class, "h is EMPTY: cannot importBatch");
        case POPULATE -> throwsNaming(() -> call.on(h, allocator), IllegalStateException.class, "h: the producer left");
        default -> call.on(h, allocator); // legal on an empty handle: reads 0, moves nothing
      }
      assertThat(h.isOwned()).as("a moved-from handle stays empty").isFalse();
    }
  }

  /** Thread B closes while thread A's producer is still running inside populate: B waits, then releases once. */
  private static TrackedBatch closeDuringOperation(ArrowFixture arrow, HandleCall call, int rows) throws Exception {
    RecordBatchData h = RecordBatchData.allocate(arrow.allocator, "h");
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    TrackedBatch[] tracked = new TrackedBatch[1];
    try (GeneratedBatch data = GeneratedBatch.create(arrow.allocator, rows, rows)) {
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> h.populate((array, schema) -> {
        Data.exportVectorSchemaRoot(arrow.allocator, data.root(), data.dictionaries(), array, schema);
        tracked[0] = arrow.ledger.trackBatch(array.memoryAddress(), schema.memoryAddress(), "h");
        inside.countDown();
        await(proceed);
      }));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Boolean> closer = CompletableFuture.supplyAsync(h::closeHandle);
      Thread.sleep(20);
      assertThat(closer).as("close waits for the running operation").isNotDone();
      assertThat(h.state()).isEqualTo(HandleState.BUSY);
      proceed.countDown();
      writer.get(10, TimeUnit.SECONDS);
      assertThat(closer.get(10, TimeUnit.SECONDS)).as("the other thread's close closed it").isTrue();
    }
    throwsNaming(() -> call.on(h, arrow.allocator), IllegalStateException.class, "h is CLOSED: cannot " + call.operation());
    return tracked[0];
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void throwsNaming(ThrowingCallable call, Class<? extends Throwable> type, String message) {
    assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
  }
}
