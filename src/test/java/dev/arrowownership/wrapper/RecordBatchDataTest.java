package dev.arrowownership.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.ArrowFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The C++ seed's five Rule-of-Five tests, counting real release calls on both structs through the
 * ledger instead of boolean flags.
 */
class RecordBatchDataTest {
  private final ArrowFixture arrow = new ArrowFixture();

  @AfterEach
  void closeAllocator() {
    arrow.close();
  }

  /** A handle keeps the name it was given; an unnamed one is numbered, and the numbers differ. */
  @Test
  void handlesAreNamedOrNumbered() {
    try (RecordBatchData named = RecordBatchData.allocate(arrow.allocator, "given");
        RecordBatchData first = RecordBatchData.allocate(arrow.allocator);
        RecordBatchData second = RecordBatchData.allocate(arrow.allocator)) {
      assertThat(named.name()).isEqualTo("given");
      assertThat(first.name()).matches("RecordBatchData#[1-9][0-9]*").isNotEqualTo(second.name());
      assertThat(first).hasToString("RecordBatchData[" + first.name() + " is EMPTY]");
    }
  }

  /** close() calls release on the array and the schema exactly once each, and a second close none. */
  @Test
  void closeReleasesBothStructsExactlyOnce() {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h");
    TrackedBatch batch = arrow.populate(handle, 100, 1);
    assertThat(arrow.releases(batch)).containsExactly(0, 0);

    handle.close();
    handle.close();

    assertThat(arrow.releases(batch)).containsExactly(1, 1);
    assertThat(handle.state()).isEqualTo(HandleState.CLOSED);
    assertThat(arrow.ledger.violations()).isEmpty();
  }

  /** The write path moves the batch into Arrow Java: releasing the imported root releases it once. */
  @Test
  void writePathReleasesThroughTheImportedRoot() {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h");
    TrackedBatch batch = arrow.populate(handle, 100, 2);

    try (ImportedBatch imported = handle.importBatch(arrow.allocator)) {
      assertThat(handle.isOwned()).isFalse();
      assertThat(arrow.releases(batch)).containsExactly(0, 1); // the importer releases the schema at once
      assertThat(GeneratedBatch.fingerprint(imported.root(), imported.dictionaries()))
          .isEqualTo(arrow.fingerprint(100, 2));
    }
    assertThat(arrow.releases(batch)).containsExactly(1, 1);

    handle.close();
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
  }

  /** moveFrom transfers ownership: the source is left empty and closing it releases nothing. */
  @Test
  void moveFromTransfersOwnership() {
    RecordBatchData source = RecordBatchData.allocate(arrow.allocator, "source");
    TrackedBatch batch = arrow.populate(source, 10, 3);

    RecordBatchData target = RecordBatchData.moveFrom(source);

    assertThat(source.isOwned()).isFalse();
    assertThat(target.isOwned()).isTrue();
    assertThat(target.rowCount()).isEqualTo(10);
    assertThat(ReleaseLedger.identify(StructKind.ARRAY, target.arrayAddress())).contains(batch.array());
    assertThat(ReleaseLedger.identify(StructKind.ARRAY, source.arrayAddress())).isEmpty();
    source.close();
    assertThat(arrow.releases(batch)).containsExactly(0, 0);
    target.close();
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
  }

  /** moveAssign releases the target's old batch exactly once, then takes the source's. */
  @Test
  void moveAssignReleasesTheOldBatchThenTransfers() {
    RecordBatchData target = RecordBatchData.allocate(arrow.allocator, "target");
    RecordBatchData source = RecordBatchData.allocate(arrow.allocator, "source");
    TrackedBatch old = arrow.populate(target, 5, 4);
    TrackedBatch moved = arrow.populate(source, 7, 5);

    target.moveAssign(source);

    assertThat(arrow.releases(old)).containsExactly(1, 1);
    assertThat(arrow.releases(moved)).containsExactly(0, 0);
    assertThat(target.rowCount()).isEqualTo(7);
    assertThat(source.isOwned()).isFalse();
    source.close();
    target.close();
    assertThat(arrow.releases(moved)).containsExactly(1, 1);
  }

  /** h.moveAssign(h) releases nothing and keeps the batch; the final close releases it once. */
  @Test
  void selfMoveAssignIsANoOp() {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h");
    TrackedBatch batch = arrow.populate(handle, 3, 6);

    handle.moveAssign(handle);

    assertThat(arrow.releases(batch)).containsExactly(0, 0);
    assertThat(handle.isOwned()).isTrue();
    assertThat(handle.rowCount()).isEqualTo(3);
    handle.close();
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
  }

  /** A new handle is empty: both release pointers are NULL and closing it releases nothing. */
  @Test
  void allocateGivesAnEmptyHandle() {
    try (RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h")) {
      assertThat(handle.state()).isEqualTo(HandleState.EMPTY);
      assertThat(StructKind.ARRAY.release(handle.arrayAddress())).isZero();
      assertThat(StructKind.SCHEMA.release(handle.schemaAddress())).isZero();
      assertThat(handle.rowCount()).isZero();
      assertThat(handle).hasToString("RecordBatchData[h is EMPTY]");
    }
  }

  /** Moving from an empty handle gives an empty handle. */
  @Test
  void moveFromAnEmptyHandleGivesAnEmptyHandle() {
    try (RecordBatchData source = RecordBatchData.allocate(arrow.allocator, "s");
        RecordBatchData target = RecordBatchData.moveFrom(source)) {
      assertThat(target.isOwned()).isFalse();
      assertThat(source.state()).isEqualTo(HandleState.EMPTY);
    }
  }

  /** closeHandle() reports whether this call did the close. */
  @Test
  void closeHandleTellsWhetherThisCallClosed() {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h");
    assertThat(handle.closeHandle()).isTrue();
    assertThat(handle.closeHandle()).isFalse();
  }

  /** closeHandle() retires the leak net's registration at once instead of leaving it to the Cleaner. */
  @Test
  void closeRetiresTheLeakRegistration() {
    LeakLevel level = LeakDetector.setLevel(LeakLevel.SIMPLE); // tracked whatever level an earlier test left
    try {
      RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "h");
      assertThat(handle.leakTracker().isTracking()).isTrue();
      handle.close();
      assertThat(handle.leakTracker().isTracking()).isFalse();
    } finally {
      LeakDetector.setLevel(level);
    }
  }

  /**
   * View columns (Utf8View, BinaryView) carry variadic data buffers after their fixed ones: the
   * export must load them with the column, or every column after it reads the wrong buffers.
   */
  @Test
  void viewColumnsSurviveTheRoundTrip() {
    try (VectorSchemaRoot root = viewColumns(arrow.allocator, 40);
        RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, "views")) {
      handle.populate(root, null);
      try (ImportedBatch imported = handle.importBatch(arrow.allocator)) {
        assertThat(cells(imported.root())).isEqualTo(cells(root)).hasSize(3 * 40);
      }
    }
  }

  /** Every cell as "column[row]=value", binary values as UTF-8 text (contentToTSVString prints byte[] identities). */
  private static List<String> cells(VectorSchemaRoot root) {
    return root.getFieldVectors().stream()
        .flatMap(column -> IntStream.range(0, root.getRowCount()).mapToObj(row -> {
          Object value = column.getObject(row);
          return column.getName() + "[" + row + "]="
              + (value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value);
        }))
        .toList();
  }

  /** A text view, a binary view and an int column after them; values over 12 bytes live in data buffers. */
  private static VectorSchemaRoot viewColumns(BufferAllocator allocator, int rows) {
    ViewVarCharVector text = new ViewVarCharVector("text", allocator);
    ViewVarBinaryVector bytes = new ViewVarBinaryVector("bytes", allocator);
    IntVector after = new IntVector("after", allocator);
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(text, bytes, after));
    root.allocateNew();
    for (int i = 0; i < rows; i++) {
      String value = i % 3 == 0 ? "r" + i : "row " + i + " is longer than twelve bytes";
      text.setSafe(i, value.getBytes(StandardCharsets.UTF_8));
      bytes.setSafe(i, ("bytes of " + value).getBytes(StandardCharsets.UTF_8));
      after.setSafe(i, 3 * i);
    }
    root.setRowCount(rows);
    return root;
  }
}
