package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.support.CountingProducer;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
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
          .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.DOUBLE_RELEASE))
          .satisfies(v -> assertThat(v.detail()).endsWith(" (spec: a base structure's release must be called exactly"
              + " once, by whoever owns it); not forwarded"));
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

  /** After its ledger closed, a release left non-NULL is set to NULL and reported to no ledger. */
  @Test
  void releaseNotNulledAfterTheLedgerClosedIsNulledAndReportedNowhere() {
    CountingProducer sloppy = new CountingProducer(StructKind.SCHEMA, false);
    try (ArrowSchema schema = ArrowSchema.allocateNew(allocator); ReleaseLedger open = new ReleaseLedger()) {
      long id = sloppy.fill(schema.memoryAddress());
      ledger.track(StructKind.SCHEMA, schema.memoryAddress(), "s");
      ledger.close();

      schema.release();

      assertThat(sloppy.releaseCalls(id)).isEqualTo(1);
      assertThat(StructKind.SCHEMA.release(schema.memoryAddress())).isZero();
      assertThat(open.violations()).isEmpty();
      assertThat(ledger.violations()).isEmpty();
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

  /** Reports list what was tracked, in order, and the events after a mark, for per-step checks. */
  @Test
  void trackedAndEventsSinceAMark() {
    try (ArrowArray a = ArrowArray.allocateNew(allocator); ArrowArray b = ArrowArray.allocateNew(allocator)) {
      TrackedStruct first = fillAndTrack(a, "a");
      TrackedStruct second = fillAndTrack(b, "b");
      assertThat(ledger.tracked()).containsExactly(first, second);

      a.release();
      int mark = ledger.eventCount();
      b.release();

      assertThat(mark).isEqualTo(1);
      assertThat(ledger.eventCount()).isEqualTo(2);
      assertThat(ledger.eventsSince(mark)).extracting(ReleaseEvent::struct).containsExactly(second);
    }
  }

  /** A batch is its array and its schema, tracked under one label. */
  @Test
  void aBatchTracksItsArrayAndItsSchema() {
    CountingProducer schemas = new CountingProducer(StructKind.SCHEMA, true);
    try (ArrowArray array = ArrowArray.allocateNew(allocator); ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      producer.fill(array.memoryAddress());
      schemas.fill(schema.memoryAddress());
      TrackedBatch batch = ledger.trackBatch(array.memoryAddress(), schema.memoryAddress(), "b");
      assertThat(ledger.tracked()).containsExactly(batch.array(), batch.schema());
      assertThat(batch.schema().kind()).isEqualTo(StructKind.SCHEMA);
      array.release();
      schema.release();
    }
  }

  /** A struct has no image after release before its release; after it, the bytes it left, at that address only. */
  @Test
  void theImageAfterReleaseIsTheReleasedStructAtItsAddress() {
    try (ArrowArray array = ArrowArray.allocateNew(allocator)) {
      TrackedStruct tracked = fillAndTrack(array, "a");
      assertThat(ledger.imageAfterRelease(tracked, array.memoryAddress())).isEmpty();
      array.release();
      assertThat(ledger.imageAfterRelease(tracked, array.memoryAddress()))
          .hasValueSatisfying(image -> assertThat(image).isEqualTo(StructKind.ARRAY.read(array.memoryAddress())));
      assertThat(ledger.imageAfterRelease(tracked, array.memoryAddress() + 8)).isEmpty();
    }
  }

  /** Asking a ledger about another ledger's struct is a caller error with a message, not a silent answer. */
  @Test
  void anotherLedgersStructIsRejected() {
    try (ReleaseLedger other = new ReleaseLedger(); ArrowArray array = ArrowArray.allocateNew(allocator)) {
      producer.fill(array.memoryAddress());
      TrackedStruct foreign = other.track(StructKind.ARRAY, array.memoryAddress(), "f");
      assertThatThrownBy(() -> ledger.releaseCount(foreign))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(foreign + " is not tracked by this ledger");
      array.release();
    }
  }

  /**
   * A tree whose producer already released one child and the dictionary (release == NULL): those
   * are skipped, not rejected as released, and the live child is tracked under the parent.
   */
  @Test
  void releasedChildrenAndDictionaryAreSkipped() {
    try (ArrowArray parent = ArrowArray.allocateNew(allocator); ArrowArray live = ArrowArray.allocateNew(allocator);
        ArrowArray released = ArrowArray.allocateNew(allocator); ArrowBuf children = allocator.buffer(16)) {
      fillLeaf(parent);
      fillLeaf(live);
      children.setLong(0, released.memoryAddress());
      children.setLong(8, live.memoryAddress());
      MemoryUtil.putLong(parent.memoryAddress() + 32, 2); // n_children
      MemoryUtil.putLong(parent.memoryAddress() + 48, children.memoryAddress()); // children
      MemoryUtil.putLong(parent.memoryAddress() + 56, released.memoryAddress()); // dictionary

      List<TrackedStruct> tree = ledger.trackTree(StructKind.ARRAY, parent.memoryAddress(), "p");

      assertThat(tree).extracting(TrackedStruct::label).containsExactly("p", "p.children[1]");
      assertThat(ledger.parentOf(tree.get(1))).contains(tree.get(0));
      parent.release();
      live.release(); // the counting producer's release does not release children
      ledger.verifyExactlyOnce();
    }
  }

  /** A struct with no children and no dictionary (allocateNew leaves those fields unset). */
  private void fillLeaf(ArrowArray array) {
    MemoryUtil.setMemory(array.memoryAddress(), StructKind.ARRAY.size(), (byte) 0);
    producer.fill(array.memoryAddress());
  }

  private TrackedStruct fillAndTrack(ArrowArray array, String label) {
    producer.fill(array.memoryAddress());
    return ledger.track(StructKind.ARRAY, array.memoryAddress(), label);
  }
}
