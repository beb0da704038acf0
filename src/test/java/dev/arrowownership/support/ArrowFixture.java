package dev.arrowownership.support;

import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.wrapper.RecordBatchData;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;

/**
 * A root allocator and a release ledger for one test. {@link #close()} fails the test if memory is
 * still allocated; call it from {@code @AfterEach}.
 */
public final class ArrowFixture implements AutoCloseable {
  public final RootAllocator allocator = new RootAllocator();
  public final ReleaseLedger ledger = new ReleaseLedger();

  /** Exports a generated batch into {@code handle} and tracks both structs; returns them. */
  public TrackedBatch populate(RecordBatchData handle, int rows, long seed) {
    TrackedBatch[] tracked = new TrackedBatch[1];
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, seed)) {
      handle.populate((array, schema) -> {
        Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), array, schema);
        tracked[0] = ledger.trackBatch(array.memoryAddress(), schema.memoryAddress(), handle.name());
      });
    }
    return tracked[0];
  }

  /** The fingerprint of the batch {@code populate(h, rows, seed)} exports. */
  public int fingerprint(int rows, long seed) {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, seed)) {
      return batch.fingerprint();
    }
  }

  /** Release counts of a batch as {@code [array, schema]}. */
  public int[] releases(TrackedBatch batch) {
    return new int[] {ledger.releaseCount(batch.array()), ledger.releaseCount(batch.schema())};
  }

  @Override
  public void close() {
    ledger.close();
    allocator.close(); // throws if anything is still allocated: the leak check
  }
}
