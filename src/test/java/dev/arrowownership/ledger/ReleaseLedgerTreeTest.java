package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tracked tree: children are released by their parent's release, never by anyone before it. */
class ReleaseLedgerTreeTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private ArrowArray array;
  private List<TrackedStruct> tree;

  @BeforeEach
  void export() {
    array = ArrowArray.allocateNew(allocator);
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, 20, 1)) {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), array, null);
    }
    tree = ledger.trackTree(StructKind.ARRAY, array.memoryAddress(), "b");
  }

  @AfterEach
  void close() {
    array.close();
    ledger.close();
    allocator.close();
  }

  /** Every child and the dictionary are tracked with their parent; the parent's release releases each once. */
  @Test
  void parentsReleaseReleasesEveryChildOnce() {
    assertThat(tree.get(0).toString()).isEqualTo("b.array#" + tree.get(0).id());
    assertThat(tree).extracting(TrackedStruct::label).contains("b.children[4]", "b.children[4].dictionary");
    assertThat(ledger.parentOf(tree.get(1))).contains(tree.get(0));
    assertThat(ledger.parentOf(tree.get(0))).isEmpty();

    array.release();

    assertThat(tree).allSatisfy(s -> assertThat(ledger.releaseCount(s)).as(s.toString()).isEqualTo(1));
    ledger.verifyExactlyOnce();
  }

  /** A child released before its parent is reported and not forwarded; the parent still releases it once. */
  @Test
  void childReleasedBeforeItsParentIsReportedNotForwarded() {
    TrackedStruct child = tree.get(1);
    long address = StructKind.ARRAY.child(array.memoryAddress(), 0);

    ArrowArray.wrap(address).release();

    assertThat(ledger.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.CHILD_RELEASED_BY_CONSUMER);
      assertThat(v.struct()).isEqualTo(child);
    });
    assertThat(StructKind.ARRAY.isLive(address)).isTrue();
    assertThat(ledger.releaseCount(child)).isZero();

    array.release();

    assertThat(ledger.releaseCount(child)).isEqualTo(1);
    assertThat(ledger.unreleased()).isEmpty();
  }

  /** The image after release is what the release left, at the address it was released at. */
  @Test
  void imageAfterReleaseIsTheReleasedStruct() {
    array.release();

    byte[] image = ledger.imageAfterRelease(tree.get(0), array.memoryAddress()).orElseThrow();
    assertThat(image).isEqualTo(StructKind.ARRAY.read(array.memoryAddress()));
    assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
    assertThat(ledger.imageAfterRelease(tree.get(0), array.memoryAddress() + 8)).isEmpty();
  }

  /** After its ledger closed, the parent's release still releases every child and the dictionary once. */
  @Test
  void aTreeReleasedAfterItsLedgerClosedIsReleasedOnce() {
    ledger.close();
    try (ReleaseLedger open = new ReleaseLedger()) {
      array.release();

      assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
      assertThat(tree).allSatisfy(s -> assertThat(ReleaseInterposer.recordOf(s)).as(s.toString()).isNull());
      assertThat(open.violations()).isEmpty();
      assertThat(ledger.events()).isEmpty();
    } // the allocator's close, after each test, checks that every buffer was freed
  }

  /** After its ledger closed, a child released before its parent is still not forwarded, and reported nowhere. */
  @Test
  void aChildReleasedOutsideItsParentAfterTheLedgerClosedIsNotForwarded() {
    long address = StructKind.ARRAY.child(array.memoryAddress(), 0);
    ledger.close();
    try (ReleaseLedger open = new ReleaseLedger()) {
      ArrowArray.wrap(address).release();

      assertThat(StructKind.ARRAY.isLive(address)).isTrue();
      assertThat(open.violations()).isEmpty();
      assertThat(ledger.violations()).isEmpty();
      array.release();
      assertThat(ReleaseInterposer.recordOf(tree.get(1))).isNull();
    }
  }
}
