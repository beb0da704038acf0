package dev.arrowownership.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arrowownership.conformance.FaultInjector;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import dev.arrowownership.leak.LeakReport;
import dev.arrowownership.leak.LeakReporter;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.ArrowFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Extraction hands every batch out once, all or nothing; close releases what the frame still owns. */
class ArrowOutputFrameTest {
  private static final int BATCHES = 3;

  private final ArrowFixture arrow = new ArrowFixture();
  private final FaultInjector faults = new FaultInjector();
  private BufferAllocator frameAllocator;
  private final List<TrackedBatch> tracked = new ArrayList<>();
  private ArrowOutputFrame frame;

  @BeforeEach
  void buildFrame() {
    frameAllocator = arrow.allocator.newChildAllocator("frame", faults, 0, Long.MAX_VALUE);
    List<RecordBatchData> sources = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      RecordBatchData source = RecordBatchData.allocate(arrow.allocator, "b" + i);
      tracked.add(arrow.populate(source, 10 + i, i));
      sources.add(source);
    }
    frame = ArrowOutputFrame.of(frameAllocator, "frame", sources);
    sources.forEach(RecordBatchData::close); // emptied by the move
  }

  @AfterEach
  void closeAll() {
    frame.close();
    frameAllocator.close();
    arrow.close();
  }

  /** Extraction moves every batch out in order and releases nothing. */
  @Test
  void extractionHandsOutEveryBatchInOrder() {
    List<RecordBatchData> batches = frame.extractRecordBatches();

    assertThat(batches).extracting(RecordBatchData::rowCount).containsExactly(10L, 11L, 12L);
    tracked.forEach(t -> assertThat(arrow.releases(t)).containsExactly(0, 0));
    assertThat(frame.state()).isEqualTo(FrameState.EXTRACTED);
    frame.close();
    tracked.forEach(t -> assertThat(arrow.releases(t)).containsExactly(0, 0));
    batches.forEach(RecordBatchData::close);
    tracked.forEach(t -> assertThat(arrow.releases(t)).containsExactly(1, 1));
  }

  /** A second extraction throws instead of handing out the batches twice. */
  @Test
  void secondExtractionThrows() {
    List<RecordBatchData> batches = frame.extractRecordBatches();
    try {
      assertThatThrownBy(frame::extractRecordBatches)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("frame is EXTRACTED");
    } finally {
      batches.forEach(RecordBatchData::close);
    }
  }

  /** An allocation failure at any point of extraction leaves the frame owning every batch; a retry returns them all. */
  @Test
  void failedExtractionKeepsEveryBatchAndARetrySucceeds() {
    for (int k = 0; k < 2 * BATCHES; k++) {
      faults.failAt(k);
      assertThatThrownBy(frame::extractRecordBatches).isInstanceOf(OutOfMemoryException.class);
      assertThat(faults.disarm()).as("fault at allocation " + k).isNotNull();
      assertThat(frame.state()).isEqualTo(FrameState.OPEN);
      tracked.forEach(t -> assertThat(arrow.releases(t)).containsExactly(0, 0));
    }

    List<RecordBatchData> batches = frame.extractRecordBatches();
    for (int i = 0; i < BATCHES; i++) {
      try (ImportedBatch imported = batches.get(i).importBatch(arrow.allocator)) {
        assertThat(GeneratedBatch.fingerprint(imported.root(), imported.dictionaries()))
            .isEqualTo(arrow.fingerprint(10 + i, i));
      }
    }
    batches.forEach(RecordBatchData::close);
    tracked.forEach(t -> assertThat(arrow.releases(t)).containsExactly(1, 1));
  }

  /** Closing a frame that was never extracted releases each batch once. */
  @Test
  void closeReleasesUnextractedBatches() {
    frame.close();
    frame.close();
    tracked.forEach(t -> assertThat(arrow.releases(t)).containsExactly(1, 1));
    assertThatThrownBy(frame::extractRecordBatches)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("frame is CLOSED");
  }

  /** read() exports every batch an ArrowReader yields; closing the frame releases them all. */
  @Test
  void readTakesEveryBatchOfAReader() throws IOException {
    try (GeneratedBatch source = GeneratedBatch.create(arrow.allocator, 20, 9);
        ArrowReader reader = new RepeatingReader(arrow.allocator, source.root(), 4, -1, null);
        ArrowOutputFrame read = ArrowOutputFrame.read(arrow.allocator, "read", reader)) {
      assertThat(read.batchCount()).isEqualTo(4);
      List<RecordBatchData> batches = read.extractRecordBatches();
      assertThat(batches).extracting(RecordBatchData::rowCount).containsOnly(20L);
      batches.forEach(RecordBatchData::close);
    }
  }

  /** A reader failing part way: read() closes the batches it already read, then rethrows (an IOException unchecked). */
  @Test
  void readReleasesWhatItReadWhenTheReaderFails() throws IOException {
    assertThat(readFailingAtSecondBatch(() -> {
      throw new IOException("disk gone");
    })).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk gone");
    assertThat(readFailingAtSecondBatch(() -> {
      throw new IllegalStateException("corrupt batch");
    })).isInstanceOf(IllegalStateException.class).hasMessage("corrupt batch");
  }

  /** Reads a reader that fails at its second batch into a fresh allocator; returns what read() threw. */
  private Throwable readFailingAtSecondBatch(Failure failure) throws IOException {
    try (GeneratedBatch source = GeneratedBatch.create(arrow.allocator, 5, 3);
        ArrowReader reader = new RepeatingReader(arrow.allocator, source.root(), 3, 1, failure);
        BufferAllocator readAllocator = arrow.allocator.newChildAllocator("read", 0, Long.MAX_VALUE)) {
      Throwable thrown = catchThrowable(() -> ArrowOutputFrame.read(readAllocator, "failing", reader));
      assertThat(readAllocator.getAllocatedMemory()).as("the first batch's handle was closed").isZero();
      return thrown;
    }
  }

  /** of() with a closed source throws, and the sources before it get back what was already moved. */
  @Test
  void ofWithAClosedSourceGivesBackWhatItMoved() {
    RecordBatchData open = RecordBatchData.allocate(arrow.allocator, "open");
    TrackedBatch batch = arrow.populate(open, 4, 7);
    RecordBatchData closed = RecordBatchData.allocate(arrow.allocator, "closed");
    closed.close();

    assertThatThrownBy(() -> ArrowOutputFrame.of(frameAllocator, "partial", List.of(open, closed)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed is CLOSED");

    assertThat(open.rowCount()).isEqualTo(4);
    assertThat(arrow.releases(batch)).containsExactly(0, 0);
    open.close();
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
  }

  /** A null among the sources is refused before anything moves: the sources before it keep their batch. */
  @Test
  void ofWithANullSourceMovesNothing() {
    RecordBatchData open = RecordBatchData.allocate(arrow.allocator, "open");
    TrackedBatch batch = arrow.populate(open, 4, 7);

    assertThatThrownBy(() -> ArrowOutputFrame.of(frameAllocator, "partial", java.util.Arrays.asList(open, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("source batch");

    assertThat(open.isOwned()).isTrue();
    open.close();
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
  }

  /** toString names the frame, its state and its batch count. */
  @Test
  void toStringShowsNameStateAndBatchCount() {
    assertThat(frame).hasToString("ArrowOutputFrame[frame, OPEN, 3 batches]");
    frame.close();
    assertThat(frame).hasToString("ArrowOutputFrame[frame, CLOSED, 3 batches]");
  }

  /**
   * close() retires the leak net's registration at once instead of leaving it to the Cleaner, and
   * reports no leak: retiring runs the net's close action, which finds the frame already closed.
   */
  @Test
  void closeRetiresTheLeakRegistration() {
    List<LeakReport> reports = new ArrayList<>();
    LeakReporter reporter = LeakDetector.setReporter(report -> {
      if (report.resource().equals("ArrowOutputFrame empty")) { // not another test's leak the Cleaner found
        synchronized (reports) {
          reports.add(report);
        }
      }
    });
    LeakLevel level = LeakDetector.setLevel(LeakLevel.SIMPLE); // tracked whatever level an earlier test left
    try {
      ArrowOutputFrame empty = ArrowOutputFrame.of(frameAllocator, "empty", List.of());
      assertThat(empty.leakTracker().isTracking()).isTrue();
      empty.close();
      assertThat(empty.leakTracker().isTracking()).isFalse();
      synchronized (reports) {
        assertThat(reports).isEmpty();
      }
    } finally {
      LeakDetector.setLevel(level);
      LeakDetector.setReporter(reporter);
    }
  }

  /** A reader failure, thrown instead of loading one batch. */
  @FunctionalInterface
  private interface Failure {
    void raise() throws IOException;
  }

  /**
   * An ArrowReader that yields the same root {@code times} times, without dictionaries; if {@code
   * failAt} is a batch index, loading that batch raises {@code failure} instead.
   */
  private static final class RepeatingReader extends ArrowReader {
    private final VectorSchemaRoot source;
    private final int failAt;
    private final Failure failure;
    private int left;
    private int loaded;

    RepeatingReader(BufferAllocator allocator, VectorSchemaRoot source, int times, int failAt, Failure failure) {
      super(allocator);
      this.source = source;
      this.left = times;
      this.failAt = failAt;
      this.failure = failure;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
      if (left-- == 0) {
        return false;
      }
      if (loaded++ == failAt) {
        failure.raise();
      }
      VectorSchemaRoot root = getVectorSchemaRoot();
      root.clear();
      try (var batch = new org.apache.arrow.vector.VectorUnloader(source).getRecordBatch()) {
        new org.apache.arrow.vector.VectorLoader(root).load(batch);
      }
      return true;
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    protected void closeReadSource() {}

    @Override
    protected Schema readSchema() {
      return new Schema(source.getSchema().getFields().stream()
          .map(f -> new org.apache.arrow.vector.types.pojo.Field(f.getName(),
              new org.apache.arrow.vector.types.pojo.FieldType(f.isNullable(), f.getType(), null), f.getChildren()))
          .toList());
    }
  }
}
