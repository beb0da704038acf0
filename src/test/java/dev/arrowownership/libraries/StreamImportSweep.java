package dev.arrowownership.libraries;

import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.Violation;
import dev.arrowownership.support.LeakRescue;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads a stream Arrow Java exports with {@code Data.importArrayStream} to its end, once cleanly,
 * counting the reader's allocations, then once per allocation point with that allocation failing,
 * and reports what happened to the stream and to each batch it yielded.
 */
final class StreamImportSweep {
  private static final int STREAM_RELEASE_OFFSET = 24;

  /**
   * One read of the stream with allocation {@code failAt} failing (-1: none).
   *
   * @param streamLeftLive the stream was neither moved nor released: the caller still owns it
   * @param batchReleases release calls per yielded batch, in order
   * @param consumerBytes what the reader's allocator still held at the end
   * @param producerBytes what the exporter's allocator still held at the end
   */
  record Outcome(int failAt, int allocations, Throwable failure, int streamReleases, boolean streamLeftLive,
      List<Integer> batchReleases, long consumerBytes, long producerBytes, List<Violation> violations) {

    /** Every batch yielded was released once, the stream once, and nothing stayed allocated. */
    boolean exactlyOnce() {
      return streamReleases == 1 && batchReleases.stream().allMatch(c -> c == 1) && consumerBytes == 0
          && producerBytes == 0 && violations.isEmpty();
    }

    /** What happened, in the terms the findings are stated in. */
    Kind kind() {
      if (exactlyOnce()) {
        return Kind.EXACTLY_ONCE;
      }
      if (streamLeftLive && streamReleases == 0 && batchReleases.isEmpty()) {
        return Kind.STREAM_LEFT_WITH_CALLER;
      }
      boolean lastLost = !batchReleases.isEmpty() && batchReleases.get(batchReleases.size() - 1) == 0
          && batchReleases.subList(0, batchReleases.size() - 1).stream().allMatch(c -> c == 1);
      if (lastLost && streamReleases == 1 && violations.isEmpty()) {
        return consumerBytes == 0 ? Kind.BATCH_CLOSED_WHILE_LIVE : Kind.BATCH_MOVED_AND_LOST;
      }
      return Kind.OTHER;
    }
  }

  /** The outcomes seen. */
  enum Kind {
    /** Stream and every batch released once, nothing allocated. */
    EXACTLY_ONCE,
    /** The import failed before moving the stream; the caller still owns it (documented). */
    STREAM_LEFT_WITH_CALLER,
    /** The reader closed its struct while the batch in it was live: never released ({@link KnownFindings}). */
    BATCH_CLOSED_WHILE_LIVE,
    /** The batch was moved into the importer's struct and never released (apache/arrow-java#1239). */
    BATCH_MOVED_AND_LOST,
    /** Anything else: a new behaviour to look at. */
    OTHER
  }

  private final BufferAllocator root;
  private final ReleaseLedger ledger;
  private final LeakRescue rescue;
  private final int batches;
  private final int rows;

  StreamImportSweep(BufferAllocator root, ReleaseLedger ledger, LeakRescue rescue, int batches, int rows) {
    this.root = root;
    this.ledger = ledger;
    this.rescue = rescue;
    this.batches = batches;
    this.rows = rows;
  }

  /** The clean run first, then one run per allocation point it made. */
  List<Outcome> sweep() {
    return CountingFaultListener.everyAllocationPoint(this::run, Outcome::allocations);
  }

  /** One read with allocation {@code failAt} of the reader's allocator failing (-1: none). */
  Outcome run(int failAt) {
    CountingFaultListener listener = new CountingFaultListener();
    try (StructMemory structs = new StructMemory(root);
        BufferAllocator producer = root.newChildAllocator("producer@" + failAt, 0, Long.MAX_VALUE);
        BufferAllocator reader = root.newChildAllocator("reader@" + failAt, listener, 0, Long.MAX_VALUE)) {
      ArrowArrayStream stream = structs.stream();
      GeneratedStream.of(producer, batches, rows).exportTo(producer, stream);
      long address = stream.memoryAddress();
      TrackedStream tracked = StreamInterposer.install(ledger, address, "stream@" + failAt);
      int violationsBefore = ledger.violations().size();
      Throwable failure = null;
      listener.arm(failAt);
      try (ArrowReader imported = Data.importArrayStream(reader, stream)) {
        while (imported.loadNextBatch()) {
          imported.getVectorSchemaRoot().contentToTSVString(); // reads every buffer
        }
      } catch (Throwable t) {
        failure = t;
      }
      listener.disarm();
      boolean leftLive = MemoryUtil.getLong(address + STREAM_RELEASE_OFFSET) != 0;
      Outcome outcome = new Outcome(failAt, listener.allocations(), failure, tracked.releaseCalls(), leftLive,
          tracked.batches().stream().map(ledger::releaseCount).toList(), reader.getAllocatedMemory(),
          leftLive ? -1 : producer.getAllocatedMemory(),
          List.copyOf(ledger.violations().subList(violationsBefore, ledger.violations().size())));
      // The caller's cleanup, then the rescue of what the reader lost, so every allocator closes at 0.
      if (leftLive) {
        ArrowArrayStream.wrap(address).release();
      }
      tracked.releaseLostBatches(structs);
      rescue.freeLeftovers(reader);
      return outcome;
    }
  }
}
