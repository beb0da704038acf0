package dev.arrowownership.reliability;

import dev.arrowownership.conformance.FaultInjector;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.LeakRescue;
import dev.arrowownership.wrapper.ImportedBatch;
import dev.arrowownership.wrapper.RecordBatchData;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One fault-sweep run: a root allocator for the test's own data, a child allocator the operation
 * under test allocates from (counted, and failing at the armed allocation), and a release ledger.
 * {@link #close()} fails if either allocator still holds memory; after a leak of Arrow Java's own,
 * {@link #freeUpstreamLeftovers()} frees what it dropped first.
 */
final class FaultEnv implements AutoCloseable {
  private final LeakRescue rescue = LeakRescue.ofEveryBuffer();
  final RootAllocator root = rescue.rootAllocator();
  final FaultInjector faults = new FaultInjector();
  final ReleaseLedger ledger = new ReleaseLedger();
  private int allocations;
  final BufferAllocator faulty = root.newChildAllocator("faulty", new AllocationListener() {
    @Override
    public void onPreAllocation(long size) {
      allocations++;
      faults.onPreAllocation(size);
    }
  }, 0, Long.MAX_VALUE);

  /** Starts counting the allocations of the operation under test. */
  void resetCount() {
    allocations = 0;
  }

  /** Allocations from {@link #faulty} since {@link #resetCount()}, the failed one included. */
  int allocations() {
    return allocations;
  }

  /** The data every scenario's batch {@code i} holds. */
  GeneratedBatch batch(int i) {
    return GeneratedBatch.create(root, 16 + i, 100 + i);
  }

  /** Fingerprint of batch {@code i}, what every successful read must return. */
  int fingerprint(int i) {
    try (GeneratedBatch batch = batch(i)) {
      return batch.fingerprint();
    }
  }

  /** A handle from {@link #faulty} owning batch {@code i}, both structs tracked by the ledger. */
  RecordBatchData owning(String name, int i) {
    RecordBatchData handle = RecordBatchData.allocate(faulty, name);
    try (GeneratedBatch batch = batch(i)) {
      handle.populate((array, schema) -> {
        Data.exportVectorSchemaRoot(root, batch.root(), batch.dictionaries(), array, schema);
        track(array.memoryAddress(), schema.memoryAddress(), name);
      });
    }
    return handle;
  }

  /** Tracks whatever of the two structs is live; a partial export is tracked too. */
  TrackedBatch track(long arrayAddress, long schemaAddress, String label) {
    return ledger.trackBatch(arrayAddress, schemaAddress, label);
  }

  /** Imports (moves) the handle's batch into the root allocator and returns its fingerprint. */
  int read(RecordBatchData handle) {
    try (ImportedBatch imported = handle.importBatch(root)) {
      return GeneratedBatch.fingerprint(imported.root(), imported.dictionaries());
    }
  }

  /**
   * Frees every buffer still accounted to {@link #faulty}: only for a leak of Arrow Java's own that
   * the test has already measured, so the allocators still close at 0.
   *
   * @return the bytes freed
   */
  long freeUpstreamLeftovers() {
    return rescue.freeLeftovers(faulty);
  }

  @Override
  public void close() {
    ledger.close();
    faulty.close(); // throws if the operation leaked
    root.close();
  }
}
