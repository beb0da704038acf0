package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.support.CountingProducer;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger counts every real release call, forwards only the first, and reports the rest. */
class ReleaseLedgerTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final CountingProducer producer = new CountingProducer(StructKind.ARRAY, true);

  @AfterEach
  void close() {
    ledger.close();
    allocator.close();
  }

  /** The first release is forwarded to the producer once and recorded with its thread. */
  @Test
  void firstReleaseIsForwardedOnce() {
    try (ArrowArray array = ArrowArray.allocateNew(allocator)) {
      long id = producer.fill(array.memoryAddress());
      TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");

      array.release();

      assertThat(producer.releaseCalls(id)).isEqualTo(1);
      assertThat(ledger.releaseCount(tracked)).isEqualTo(1);
      assertThat(ledger.events()).singleElement().satisfies(e -> {
        assertThat(e.struct()).isEqualTo(tracked);
        assertThat(e.thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(e.forwarded()).isTrue();
      });
      assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
      ledger.verifyExactlyOnce();
    }
  }

  /** A release through a stale bitwise copy is reported as a double release and not forwarded. */
  @Test
  void secondReleaseThroughAStaleCopyIsReportedNotForwarded() {
    try (ArrowArray array = ArrowArray.allocateNew(allocator); ArrowArray copy = ArrowArray.allocateNew(allocator)) {
      long id = producer.fill(array.memoryAddress());
      TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
      copy.save(array.snapshot());

      array.release();
      copy.release();

      assertThat(producer.releaseCalls(id)).isEqualTo(1);
      assertThat(ledger.releaseCount(tracked)).isEqualTo(2);
      assertThat(ledger.violations()).singleElement()
          .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.DOUBLE_RELEASE));
      assertThat(StructKind.ARRAY.release(copy.memoryAddress())).isZero();
      assertThatThrownBy(ledger::verifyExactlyOnce).hasMessageContaining("DOUBLE_RELEASE on a.array");
    }
  }

  /** A tracked struct keeps its identity when moved to another address. */
  @Test
  void identitySurvivesAMove() {
    try (ArrowArray array = ArrowArray.allocateNew(allocator); ArrowArray moved = ArrowArray.allocateNew(allocator)) {
      producer.fill(array.memoryAddress());
      TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
      moved.save(array.snapshot());
      array.markReleased();

      assertThat(ReleaseLedger.identify(StructKind.ARRAY, moved.memoryAddress())).contains(tracked);
      assertThat(ReleaseLedger.identify(StructKind.ARRAY, array.memoryAddress())).isEmpty();
      moved.release();
      assertThat(ledger.events()).singleElement()
          .satisfies(e -> assertThat(e.structAddress()).isEqualTo(moved.memoryAddress()));
    }
  }

  /** A producer whose release leaves release set is reported, and release is set to NULL for it. */
  @Test
  void releaseThatDoesNotNullItselfIsReported() {
    CountingProducer sloppy = new CountingProducer(StructKind.SCHEMA, false);
    try (ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      long id = sloppy.fill(schema.memoryAddress());
      ledger.track(StructKind.SCHEMA, schema.memoryAddress(), "s");

      schema.release();

      assertThat(sloppy.releaseCalls(id)).isEqualTo(1);
      assertThat(StructKind.SCHEMA.release(schema.memoryAddress())).isZero();
      assertThat(ledger.violations()).singleElement()
          .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.RELEASE_NOT_NULLED));
    }
  }

  /** A release on another thread is counted and names that thread. */
  @Test
  void releaseOnAnotherThreadIsRecorded() throws InterruptedException {
    try (ArrowArray array = ArrowArray.allocateNew(allocator)) {
      producer.fill(array.memoryAddress());
      ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
      Thread releaser = new Thread(array::release, "releaser");
      releaser.start();
      releaser.join();
      assertThat(ledger.events()).singleElement().satisfies(e -> assertThat(e.thread()).isEqualTo("releaser"));
    }
  }

  /** A struct never released is reported as a leak. */
  @Test
  void unreleasedStructIsALeak() {
    try (ArrowArray array = ArrowArray.allocateNew(allocator)) {
      producer.fill(array.memoryAddress());
      TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
      assertThat(ledger.unreleased()).containsExactly(tracked);
      assertThatThrownBy(ledger::verifyExactlyOnce).hasMessageContaining("LEAK: a.array#");
      array.release();
      assertThat(ledger.unreleased()).isEmpty();
    }
  }

  /** Tracking a released struct, a tracked one, or address 0 is rejected. */
  @Test
  void badTrackingRequestsAreRejected() {
    try (ArrowArray array = ArrowArray.allocateNew(allocator)) {
      assertThatThrownBy(() -> ledger.track(StructKind.ARRAY, array.memoryAddress(), "a"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already released");
      producer.fill(array.memoryAddress());
      ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
      assertThatThrownBy(() -> ledger.track(StructKind.ARRAY, array.memoryAddress(), "again"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already tracked as a.array#");
      assertThatThrownBy(() -> ledger.track(StructKind.ARRAY, 0, "null"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NULL ARRAY struct address");
      array.release();
    }
  }
}
