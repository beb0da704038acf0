package dev.arrowownership.libraries;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.LeakRescue;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one consumer on a fresh Arrow Java export once cleanly, counting the allocations it makes,
 * then once per allocation point with that allocation failing, and reports what happened to the
 * producer's batch each time (through the release ledger) and what stayed allocated.
 */
final class ImportFaultSweep {
  private final BufferAllocator root;
  private final ReleaseLedger ledger;
  private final LeakRescue rescue;
  private final int rows;

  ImportFaultSweep(BufferAllocator root, ReleaseLedger ledger, LeakRescue rescue, int rows) {
    this.root = root;
    this.ledger = ledger;
    this.rescue = rescue;
    this.rows = rows;
  }

  /** The clean run first, then one run per allocation point it made. */
  List<ImportOutcome> sweep(BatchImport consumer) {
    return CountingFaultListener.everyAllocationPoint(k -> run(consumer, k), ImportOutcome::allocations);
  }

  /** One import of a fresh batch with allocation {@code failAt} failing (-1: none). */
  ImportOutcome run(BatchImport consumer, int failAt) {
    return run(consumer, failAt, Long.MAX_VALUE);
  }

  /** One import of a fresh batch into an allocator limited to {@code limit} bytes, nothing injected. */
  ImportOutcome runWithLimit(BatchImport consumer, long limit) {
    return run(consumer, -1, limit);
  }

  private ImportOutcome run(BatchImport consumer, int failAt, long limit) {
    CountingFaultListener listener = new CountingFaultListener();
    try (StructMemory structs = new StructMemory(root);
        BufferAllocator producer = root.newChildAllocator("producer@" + failAt, 0, Long.MAX_VALUE);
        BufferAllocator imports = root.newChildAllocator("consumer@" + failAt, listener, 0, limit)) {
      ArrowArray array = structs.array();
      ArrowSchema schema = structs.schema();
      try (GeneratedBatch batch = GeneratedBatch.create(producer, rows, failAt)) {
        Data.exportVectorSchemaRoot(producer, batch.root(), batch.dictionaries(), array, schema);
      }
      // Addresses, not the views: a consumer may close the views it was given.
      long arrayAddress = array.memoryAddress();
      long schemaAddress = schema.memoryAddress();
      TrackedBatch tracked = ledger.trackBatch(arrayAddress, schemaAddress, "batch@" + failAt);
      ArrowArray.Snapshot saved = array.snapshot(); // to release the content if the consumer loses it
      int violationsBefore = ledger.violations().size();
      Throwable failure = null;
      listener.arm(failAt);
      try (AutoCloseable result = consumer.importBatch(imports, array, schema)) {
        listener.disarm(); // closing the result is not under test
      } catch (Throwable t) {
        failure = t;
      }
      listener.disarm();
      boolean leftLive = StructKind.ARRAY.isLive(arrayAddress);
      ImportOutcome outcome = new ImportOutcome(failAt, listener.allocations(), failure,
          ledger.releaseCount(tracked.array()), ledger.releaseCount(tracked.schema()), leftLive,
          imports.getAllocatedMemory(), producer.getAllocatedMemory(),
          List.copyOf(ledger.violations().subList(violationsBefore, ledger.violations().size())));
      // What a caller does after a failed import, so every allocator still closes at 0: release what
      // it still owns; then, only for a leak finding, what the consumer moved away and lost.
      ArrowArray.wrap(arrayAddress).release(); // a no-op unless the caller still owns it
      ArrowSchema.wrap(schemaAddress).release();
      if (ledger.releaseCount(tracked.array()) == 0) {
        LeakRescue.releaseThroughCopy(saved, structs.array());
      }
      rescue.freeLeftovers(imports);
      return outcome;
    }
  }
}
