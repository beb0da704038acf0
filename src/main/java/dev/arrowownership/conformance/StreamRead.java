package dev.arrowownership.conformance;

import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What one stream, produced into the kit's struct and read the way a consumer reads it ({@link
 * ProducedStreamReader}), showed: the stream rules judge it ({@link StreamReadRules}).
 *
 * @param results every schema and array the stream yielded, in order
 * @param endProblem how get_next failed to end the stream with a released array, or null
 * @param streamNulled whether the stream's release set release to NULL
 * @param violations what the ledger reported
 * @param releaseCounts release calls on every tracked struct of every result, in the order they were tracked
 * @param bytesBefore {@link CDataStreamProducer#allocatedBytes()} before the stream was produced
 * @param bytesAfter the same once the stream and every result were released
 */
record StreamRead(List<Result> results, String endProblem, boolean streamNulled, List<Violation> violations,
    Map<TrackedStruct, Integer> releaseCounts, long bytesBefore, long bytesAfter) {

  /** Batches the kit reads at most before it takes the stream for one without an end. */
  static final int MAX_BATCHES = Integer.getInteger("arrowownership.kit.maxStreamBatches", 1000);

  /**
   * One schema or array the stream yielded.
   *
   * @param tree the base struct, then its children and dictionaries, as the ledger tracks them
   * @param before how it read (schema or digest) while the stream was live, or why it did not read
   * @param after how it read once the stream was released; null if it was no longer live then
   */
  record Result(List<TrackedStruct> tree, String before, String after) {
    TrackedStruct base() {
      return tree.get(0);
    }

    List<TrackedStruct> descendants() {
      return tree.subList(1, tree.size());
    }
  }

  StreamRead {
    results = List.copyOf(results);
    violations = List.copyOf(violations);
    releaseCounts = Collections.unmodifiableMap(new LinkedHashMap<>(releaseCounts)); // tree order, for reports
  }

  /**
   * Produces a stream, reads it (at most {@code maxBatches} batches) and releases it first, then its
   * results, all on this thread or on another one.
   */
  static StreamRead of(CDataStreamProducer producer, BufferAllocator allocator, int maxBatches, boolean otherThread)
      throws Exception {
    try (ReleaseLedger ledger = new ReleaseLedger();
        ProducedStreamReader reader = new ProducedStreamReader(allocator, ledger, maxBatches)) {
      long before = producer.allocatedBytes();
      reader.produce(producer);
      reader.readToTheEnd();
      if (otherThread) {
        FutureTask<Void> release = new FutureTask<>(reader::releaseStreamThenResults, null);
        new Thread(release, "kit-stream-releaser").start();
        release.get(); // waits; what the release threw comes back as an ExecutionException
      } else {
        reader.releaseStreamThenResults();
      }
      long after = producer.allocatedBytes();
      return new StreamRead(reader.results(), reader.endProblem(), reader.streamNulled(), ledger.violations(),
          reader.releaseCounts(), before, after);
    }
  }

  int releaseCount(TrackedStruct struct) {
    return releaseCounts.get(struct);
  }
}
