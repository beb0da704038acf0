package dev.arrowownership.libraries;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.support.ArrowJavaProducers;
import dev.arrowownership.support.LeakRescue;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one Arrow Java export of a fresh generated batch once cleanly, counting the allocations it
 * makes (the batch's and the export's, from one allocator, as an exporter lent the kit's allocator
 * does), then once per allocation point with that allocation failing, and reports what the failure
 * left: the caller's structs live or not, and what stayed allocated once whatever was live was
 * released. It then frees what leaked (through {@link LeakRescue}), so every allocator closes at 0.
 */
final class ExportFaultSweep {
  /** How one export ended. */
  enum Kind {
    /** It succeeded: both structs live, and releasing them gave every byte back. */
    PRODUCED,
    /** It threw, leaving both structs untouched and nothing allocated: the rule's good outcome. */
    FAILED_CLEANLY,
    /** It threw, leaving the schema or the array live (release set) in the caller's struct. */
    LEFT_LIVE,
    /** It threw with nothing live, but memory stayed allocated. */
    LEAKED,
    /** Anything else (a success that holds memory after release, say). */
    OTHER
  }

  /** One export with allocation {@code failAt} failing (-1: none). */
  record Outcome(int failAt, int allocations, Throwable failure, boolean arrayLive, boolean schemaLive,
      long heldAfterRelease) {
    Kind kind() {
      if (failure == null) {
        return arrayLive && schemaLive && heldAfterRelease == 0 ? Kind.PRODUCED : Kind.OTHER;
      }
      if (arrayLive || schemaLive) {
        return Kind.LEFT_LIVE;
      }
      return heldAfterRelease == 0 ? Kind.FAILED_CLEANLY : Kind.LEAKED;
    }
  }

  private final BufferAllocator root;
  private final LeakRescue rescue;
  private final int rows;

  /** {@code root} must come from {@code rescue} ({@link LeakRescue#ofEveryBuffer()}), so leaked vectors can be freed. */
  ExportFaultSweep(BufferAllocator root, LeakRescue rescue, int rows) {
    this.root = root;
    this.rescue = rescue;
    this.rows = rows;
  }

  /** The clean run first, then one run per allocation point it made. */
  List<Outcome> sweep(ArrowJavaProducers.Export export) {
    return CountingFaultListener.everyAllocationPoint(k -> run(export, k), Outcome::allocations);
  }

  private Outcome run(ArrowJavaProducers.Export export, int failAt) {
    CountingFaultListener listener = new CountingFaultListener();
    try (StructMemory structs = new StructMemory(root);
        BufferAllocator producer = root.newChildAllocator("producer@" + failAt, listener, 0, Long.MAX_VALUE)) {
      ArrowArray array = structs.array();
      ArrowSchema schema = structs.schema();
      Throwable failure = null;
      listener.arm(failAt);
      try (GeneratedBatch batch = GeneratedBatch.create(producer, rows, 1)) {
        export.export(producer, batch, array, schema);
      } catch (Throwable t) {
        failure = t;
      }
      listener.disarm();
      boolean arrayLive = StructKind.ARRAY.isLive(array.memoryAddress());
      boolean schemaLive = StructKind.SCHEMA.isLive(schema.memoryAddress());
      array.release(); // what a careful caller does with what is live after the failure
      schema.release();
      long held = producer.getAllocatedMemory();
      rescue.freeLeftovers(producer); // only for a leak finding: what nothing can reach any more
      return new Outcome(failAt, listener.allocations(), failure, arrayLive, schemaLive, held);
    }
  }
}
