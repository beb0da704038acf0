package dev.arrowownership.contract;

import dev.arrowownership.generate.GeneratedBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected.Outcome;
import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.FrameState;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/**
 * The machine's job is to fail, naming the rule, as soon as a wrapper's step differs from the
 * exactly-once model. Each test drives it through a short fixed sequence against the reference
 * subject with one operation broken (anonymous subclasses below), and checks the rule and symptom;
 * the reference subject itself must pass the same sequences.
 */
class OwnershipMachineTest {
  private static final String RELEASES = "required_wrapper_releases_what_the_model_says";
  private static final String OWNERSHIP = "required_wrapper_ownership_matches_the_model";
  private static final String MISUSE = "required_wrapper_rejects_misuse";
  private static final String NOTHING_UNRELEASED = "required_wrapper_leaves_nothing_unreleased";

  // ---- the reference subject passes, and the machine keeps an exact record ----

  /** Every step is recorded under the machine's handle names, and the model follows the real steps. */
  @Test
  void referenceSubjectPassesAndHistoryNamesEveryStep() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.allocate();
      m.populate(0, 10, 1);
      m.rowCount(0);
      m.moveAssign(1, 0);
      m.importAndCloseRoot(1);
      m.close(0);
      m.rowCount(0); // misuse: the reference rejects it naming h0
      m.finish();

      assertThat(m.history()).containsExactly("h0 = allocate()", "h1 = allocate()", "h0.populate(rows=10)",
          "h0.rowCount()", "h1.moveAssign(h0)", "h1.importBatch().close()", "h0.close()", "h0.rowCount()",
          "h0.close()", "h1.close()");
      assertThat(m.model().status(1)).isEqualTo(HandleStatus.CLOSED);
      assertThat(m.model().unreleased()).isEmpty(); // the import released r0 through the model too
      assertThat(m.outcomeCount(Outcome.ILLEGAL_STATE)).isEqualTo(1);
      assertThat(m.outcomeCount(Outcome.OK)).isEqualTo(9);
    }
  }

  /** A fault at allocation #0 is injected (boundary), labelled in the step, and expected to propagate. */
  @Test
  void extractionFaultAtTheFirstAllocationIsInjectedAndLabelled() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(2, 3), 5);
      m.extract(0);
      assertThat(m.model().frameStatus()).isEqualTo(FrameStatus.OPEN); // all or nothing: still in the frame
      m.extract(-1);
      m.finish();

      assertThat(m.history()).containsSubsequence("f.extractRecordBatches() [allocation #0 fails]",
          "f.extractRecordBatches()", "f.close()");
      assertThat(m.history()).filteredOn(s -> s.contains("[allocation")).hasSize(1);
      assertThat(m.outcomeCount(Outcome.FAULT)).isEqualTo(1);
      assertThat(m.handleCount()).isEqualTo(2);
    }
  }

  /** Frame batch i is generated from seed + i, and the model records each batch's own fingerprint. */
  @Test
  void frameBatchesAreGeneratedFromConsecutiveSeeds() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject()); var allocator = new RootAllocator()) {
      m.newFrame(List.of(3, 4), 7);
      assertThat(m.model().fingerprint(0)).isEqualTo(fingerprint(allocator, 3, 7));
      assertThat(m.model().fingerprint(1)).isEqualTo(fingerprint(allocator, 4, 8));
    }
  }

  /** One frame at a time: a second frame while one is open or extracted is refused before anything runs. */
  @Test
  void newFrameNeedsThePreviousOneClosed() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(1), 1);
      assertThatThrownBy(() -> m.newFrame(List.of(1), 2)).isInstanceOf(IllegalStateException.class)
          .hasMessage("close the frame first");
      m.extract(-1);
      assertThatThrownBy(() -> m.newFrame(List.of(1), 2)).isInstanceOf(IllegalStateException.class);
      m.closeFrame();
      m.newFrame(List.of(1), 3); // closed: allowed again
      m.finish();
    }
  }

  /**
   * Extracting a frame of no batches hands out no handle, so its allocator may hold nothing: only the
   * handles this extraction added count, not those made before it.
   */
  @Test
  void extractingAFrameOfNoBatchesAfterAnAllocationPasses() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.newFrame(List.of(), 1);
      m.extract(-1);
      assertThat(m.handleCount()).isEqualTo(1);
      m.closeFrame();
      m.finish();
    }
  }

  /** close() without finish() closes the open handles and the open frame, so nothing leaks. */
  @Test
  void closeReleasesOpenHandlesAndTheOpenFrame() {
    var m = new OwnershipMachine<>(new RecordBatchDataSubject());
    m.allocate();
    m.populate(0, 5, 1);
    m.newFrame(List.of(2), 2);
    assertThatCode(m::close).doesNotThrowAnyException(); // the root allocator is at 0
  }

  /** close() closes the machine's root allocator, which is what reports memory a wrapper leaked. */
  @Test
  void closeReportsMemoryTheWrapperLeaked() {
    var m = new OwnershipMachine<>(new RecordBatchDataSubject() {
      @Override
      public void close(RecordBatchData handle) {
        if (handle.isOwned()) { // forgets the content instead of releasing it
          ArrowArray.wrap(handle.arrayAddress()).markReleased();
          ArrowSchema.wrap(handle.schemaAddress()).markReleased();
        }
        super.close(handle);
      }
    });
    m.allocate();
    m.populate(0, 5, 1);
    assertThatThrownBy(m::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("Memory was leaked");
  }

  // ---- outcome checks ----

  /** An OK step that throws breaks the misuse rule. */
  @Test
  void throwingWhereTheModelReturnsIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public RecordBatchData moveFrom(RecordBatchData source) {
        throw new IllegalStateException("no moves today");
      }
    }, m -> {
      m.allocate();
      m.moveFrom(0);
    }, MISUSE, "step `h1 = moveFrom(h0)`: expected a normal return, but it threw java.lang.IllegalStateException: no moves today");
  }

  /** Misuse that returns normally breaks the misuse rule. */
  @Test
  void acceptingMisuseIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public long rowCount(RecordBatchData handle) {
        return 0; // even on a closed handle
      }
    }, m -> {
      m.allocate();
      m.close(0);
      m.rowCount(0);
    }, MISUSE, "step `h0.rowCount()`: expected IllegalStateException, but it returned");
  }

  /** Misuse rejected with another exception type breaks the misuse rule. */
  @Test
  void rejectingMisuseWithTheWrongExceptionIsCaught() {
    assertCaught(rowCountOnClosedThrows(new IllegalArgumentException("h0 is closed")), m -> {
      m.allocate();
      m.close(0);
      m.rowCount(0);
    }, MISUSE, "expected IllegalStateException, but it threw java.lang.IllegalArgumentException: h0 is closed");
  }

  /** The IllegalStateException must name the handle misused. */
  @Test
  void misuseMessageThatDoesNotNameTheHandleIsCaught() {
    assertCaught(rowCountOnClosedThrows(new IllegalStateException("closed")), m -> {
      m.allocate();
      m.close(0);
      m.rowCount(0);
    }, MISUSE, "the IllegalStateException does not name h0 (as a word): closed");
  }

  /** Only the closed handle of a move-assignment may be named, not the open one. */
  @Test
  void moveAssignMisuseMustNameTheClosedHandle() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public void moveAssign(RecordBatchData target, RecordBatchData source) {
        if (!target.isOwned()) {
          throw new IllegalStateException(source.name() + " cannot be moved"); // blames the open source
        }
      }
    }, m -> {
      m.allocate();
      m.allocate();
      m.close(0);
      m.moveAssign(0, 1);
    }, MISUSE, "the IllegalStateException does not name h0 (as a word): h1 cannot be moved");
  }

  /** An injected allocation failure turned into another exception breaks the misuse rule. */
  @Test
  void replacingTheInjectedFaultIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public List<RecordBatchData> extract(ArrowOutputFrame frame) {
        try {
          return super.extract(frame);
        } catch (OutOfMemoryException e) {
          throw new IllegalArgumentException("wrapped");
        }
      }
    }, m -> {
      m.newFrame(List.of(2), 1);
      m.extract(0);
    }, MISUSE, "expected the injected allocation failure to propagate, but it threw java.lang.IllegalArgumentException: wrapped");
  }

  /** An injected allocation failure swallowed breaks the misuse rule. */
  @Test
  void swallowingTheInjectedFaultIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public List<RecordBatchData> extract(ArrowOutputFrame frame) {
        try {
          return super.extract(frame);
        } catch (OutOfMemoryException e) {
          return List.of();
        }
      }
    }, m -> {
      m.newFrame(List.of(2), 1);
      m.extract(0);
    }, MISUSE, "expected the injected allocation failure to propagate, but it returned");
  }

  // ---- data and ownership checks ----

  /** An import that hands back other data breaks the ownership rule, not the misuse rule. */
  @Test
  void importingOtherDataIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public Imported importBatch(RecordBatchData handle, BufferAllocator allocator) {
        Imported imported = super.importBatch(handle, allocator);
        return new Imported(imported.rowCount() - 1, imported.batch()); // loses the last row
      }
    }, m -> {
      m.allocate();
      m.populate(0, 4, 1);
      m.importAndCloseRoot(0);
    }, OWNERSHIP, "step `h0.importBatch().close()`: imported 3 rows, but batch r0 as populated has 4");
  }

  /**
   * A handle that owns the right structs but whose values changed after the export is caught when
   * it is imported, before the root is built: here the first batch (r0) with one id changed.
   */
  @Test
  void valuesChangedAfterTheExportAreCaughtOnImport() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public void populate(RecordBatchData handle, BatchFiller filler) {
        super.populate(handle, filler);
        long id = MemoryUtil.getLong(MemoryUtil.getLong(arrayAddress(handle) + 48)); // children[0]: the id column
        long values = MemoryUtil.getLong(MemoryUtil.getLong(id + 40) + 8); // its buffers[1]
        MemoryUtil.putInt(values, MemoryUtil.getInt(values) + 1); // row 0 is never null
      }
    }, m -> {
      m.allocate();
      m.populate(0, 2, 1);
      m.importAndCloseRoot(0);
    }, OWNERSHIP, "step `h0.importBatch().close()`: h0 holds values other than batch r0's as exported");
  }

  /**
   * Importing from a handle the model says is empty must be refused; a wrapper that hands back
   * another handle's batch instead is reported as such, not as a data mismatch with a batch "r-1".
   */
  @Test
  void importingFromAnEmptyHandleIsCaught() {
    assertCaught(new RecordsHandles() {
      @Override
      public Imported importBatch(RecordBatchData handle, BufferAllocator allocator) {
        return super.importBatch(handle.isOwned() ? handle : all.get(0), allocator); // falls back to h0's batch
      }
    }, m -> {
      m.allocate();
      m.allocate();
      m.populate(0, 2, 1);
      m.importAndCloseRoot(1);
    }, MISUSE, "step `h1.importBatch().close()`: expected IllegalStateException, but it threw "
        + "java.lang.AssertionError: imported a batch, but the model says h1 holds none");
  }

  /** A read that releases the batch breaks the release rule, reported as what was released against nothing. */
  @Test
  void aReadThatReleasesIsCaughtByTheReleaseCheck() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public long rowCount(RecordBatchData handle) {
        long rows = super.rowCount(handle);
        handle.close();
        return rows;
      }
    }, m -> {
      m.allocate();
      m.populate(0, 3, 1);
      m.rowCount(0);
    }, RELEASES, "step `h0.rowCount()`: released [r0.array, r0.schema], the model says []");
  }

  /**
   * Misuse of the frame must name the frame: the reference wrapper's second extraction does and the
   * step passes; a wrapper whose refusal names nothing is caught.
   */
  @Test
  void frameMisuseMustNameTheFrame() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.newFrame(List.of(1), 1);
      m.extract(-1);
      m.extract(-1);
      assertThat(m.outcomeCount(Outcome.ILLEGAL_STATE)).isEqualTo(1);
      m.closeFrame();
      m.finish();
    }
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public List<RecordBatchData> extract(ArrowOutputFrame frame) {
        if (frame.state() != FrameState.OPEN) {
          throw new IllegalStateException("already done");
        }
        return super.extract(frame);
      }
    }, m -> {
      m.newFrame(List.of(1), 1);
      m.extract(-1);
      m.extract(-1);
    }, MISUSE, "the IllegalStateException does not name f (as a word): already done");
  }

  /** A wrong row count is reported with both values. */
  @Test
  void wrongRowCountIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public long rowCount(RecordBatchData handle) {
        return super.rowCount(handle) + 1;
      }
    }, m -> {
      m.allocate();
      m.populate(0, 10, 1);
      m.rowCount(0);
    }, null, "rowCount() returned 11, the model says 10");
  }

  /** Array structs swapped between two owning handles: ownership flags agree, the content does not. */
  @Test
  void arraysSwappedBetweenHandlesAreCaught() {
    assertCaught(swappingOnClose(true, false), this::twoOwnersThenAClose,
        OWNERSHIP, "step `h2.close()`: h0's ARRAY holds r1, the model says r0");
  }

  /** The schema is checked on its own: schemas swapped, arrays in place. */
  @Test
  void schemasSwappedBetweenHandlesAreCaught() {
    assertCaught(swappingOnClose(false, true), this::twoOwnersThenAClose,
        OWNERSHIP, "step `h2.close()`: h0's SCHEMA holds r1, the model says r0");
  }

  /** A struct left where the model says the handle is empty is reported as what it holds. */
  @Test
  void contentLeftInAnEmptiedHandleIsCaught() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public boolean isOwned(RecordBatchData handle) {
        return false; // claims nothing, whatever the structs hold
      }
    }, m -> {
      m.allocate();
      m.populate(0, 3, 1);
    }, OWNERSHIP, "h0.isOwned() is false, the model says OWNING");
  }

  /**
   * A second release outside any step (here: while the machine closes a frame's temporary source
   * handles) escapes the per-step checks; the ledger's exactly-once check in finish() catches it.
   */
  @Test
  void doubleReleaseBetweenStepsIsCaughtByFinish() {
    try (var copies = new RootAllocator()) {
      var subject = new RecordBatchDataSubject() {
        ArrowArray stale;

        @Override
        public void close(RecordBatchData handle) {
          if (handle.name().startsWith("f[")) {
            if (stale != null) {
              stale.release(); // the late second release of h0's batch
              stale.close();
              stale = null;
            }
          } else if (handle.isOwned()) {
            stale = ArrowArray.allocateNew(copies);
            stale.save(ArrowArray.wrap(handle.arrayAddress()).snapshot());
          }
          super.close(handle);
        }
      };
      assertCaught(subject, m -> {
        m.allocate();
        m.populate(0, 3, 1);
        m.close(0);
        m.newFrame(List.of(1), 2);
        m.finish();
      }, NOTHING_UNRELEASED, "step `finish`: exactly-once release violated:\n  DOUBLE_RELEASE on r0");
    }
  }

  /**
   * A frame the wrapper never hands back (frameOf returns null) leaves the model's frame batches
   * unreleased, whatever the ledger saw: finish() names them under the leave-nothing rule.
   */
  @Test
  void batchesOfALostFrameAreCaughtByFinish() {
    assertCaught(new RecordBatchDataSubject() {
      @Override
      public ArrowOutputFrame frameOf(BufferAllocator allocator, String name, List<RecordBatchData> batches) {
        return null; // the batches stay in the temporary sources, which the machine then closes
      }
    }, m -> {
      m.newFrame(List.of(2), 1);
      m.finish();
    }, NOTHING_UNRELEASED, "step `finish`: the model still holds [r0.array, r0.schema]");
  }

  // ---- helpers ----

  private void twoOwnersThenAClose(OwnershipMachine<RecordBatchData, ArrowOutputFrame> m) {
    m.allocate();
    m.allocate();
    m.populate(0, 3, 1);
    m.allocate();
    m.populate(1, 4, 2);
    m.close(2);
  }

  /** The reference subject, keeping every handle it allocated in {@code all}, in order. */
  private static class RecordsHandles extends RecordBatchDataSubject {
    final List<RecordBatchData> all = new ArrayList<>();

    @Override
    public RecordBatchData allocate(BufferAllocator allocator, String name) {
      RecordBatchData handle = super.allocate(allocator, name);
      all.add(handle);
      return handle;
    }
  }

  /** A subject whose close swaps the array and/or schema structs of the first two handles. */
  private static RecordBatchDataSubject swappingOnClose(boolean arrays, boolean schemas) {
    return new RecordsHandles() {
      private boolean swapped;

      @Override
      public void close(RecordBatchData handle) {
        if (handle == all.get(2) && !swapped) { // the step that scrambles h0 and h1
          swapped = true;
          RecordBatchData a = all.get(0);
          RecordBatchData b = all.get(1);
          if (arrays) {
            ArrowArray.Snapshot first = ArrowArray.wrap(a.arrayAddress()).snapshot();
            ArrowArray.wrap(a.arrayAddress()).save(ArrowArray.wrap(b.arrayAddress()).snapshot());
            ArrowArray.wrap(b.arrayAddress()).save(first);
          }
          if (schemas) {
            ArrowSchema.Snapshot first = ArrowSchema.wrap(a.schemaAddress()).snapshot();
            ArrowSchema.wrap(a.schemaAddress()).save(ArrowSchema.wrap(b.schemaAddress()).snapshot());
            ArrowSchema.wrap(b.schemaAddress()).save(first);
          }
        }
        super.close(handle);
      }
    };
  }

  /** A subject whose rowCount of a closed handle throws {@code rejection}. */
  private static RecordBatchDataSubject rowCountOnClosedThrows(RuntimeException rejection) {
    return new RecordBatchDataSubject() {
      @Override
      public long rowCount(RecordBatchData handle) {
        if (handle.state() == dev.arrowownership.wrapper.HandleState.CLOSED) {
          throw rejection;
        }
        return super.rowCount(handle);
      }
    };
  }

  private static int fingerprint(BufferAllocator allocator, int rows, long seed) {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, seed)) {
      return batch.fingerprint();
    }
  }

  /**
   * Runs {@code steps}, expects the machine to fail with {@code rule} (null: a plain assertion of
   * the model comparison) and {@code symptom}, then closes the machine: the bugs here leak nothing.
   */
  private static void assertCaught(RecordBatchDataSubject subject,
      Consumer<OwnershipMachine<RecordBatchData, ArrowOutputFrame>> steps, String rule, String symptom) {
    var m = new OwnershipMachine<>(subject);
    try {
      var failure = assertThatThrownBy(() -> steps.accept(m)).isInstanceOf(AssertionError.class)
          .hasMessageContaining(symptom);
      if (rule != null) {
        failure.hasMessageStartingWith(rule + " (C Data Interface, ").hasMessageContaining("RecordBatchData: step `");
      }
    } finally {
      m.close();
    }
  }
}
