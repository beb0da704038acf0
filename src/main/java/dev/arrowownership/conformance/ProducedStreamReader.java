package dev.arrowownership.conformance;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Reads a stream a producer put into the kit's struct as a consumer would (C Stream Interface):
 * {@code get_schema}, {@code get_next} until it returns a released array and once more, every
 * schema and array tracked by the ledger with its children and dictionaries; then the stream is
 * released first, every result read again with the kit's reader ({@link CDataReader}) and released
 * once. Closing releases whatever a read that failed part way left live, then frees the kit's structs.
 */
final class ProducedStreamReader implements AutoCloseable {
  private final BufferAllocator allocator;
  private final ReleaseLedger ledger;
  private final int maxBatches;
  private final ArrowArrayStream struct;
  private final ForeignStream stream;
  private final ArrowSchema schema;
  private final List<ArrowArray> arrays = new ArrayList<>(); // every struct handed to get_next
  private final List<List<TrackedStruct>> trees = new ArrayList<>(); // the results: the schema first
  private final List<Long> addresses = new ArrayList<>();
  private final List<String> before = new ArrayList<>();
  private final List<String> after = new ArrayList<>();
  private String endProblem;
  private boolean streamReleased;
  private boolean streamNulled;

  /** A reader that takes a stream for one without an end after {@code maxBatches} batches. */
  ProducedStreamReader(BufferAllocator allocator, ReleaseLedger ledger, int maxBatches) {
    this.allocator = allocator;
    this.ledger = ledger;
    this.maxBatches = maxBatches;
    this.struct = ForeignStream.newStruct(allocator);
    this.schema = ArrowSchema.allocateNew(allocator);
    this.stream = new ForeignStream(struct.memoryAddress());
  }

  void produce(CDataStreamProducer producer) throws Exception {
    ForeignStream.produce(producer, stream.address());
  }

  /** get_schema, then get_next until the end, and once past it. */
  void readToTheEnd() {
    int rc = stream.getSchema(schema.memoryAddress());
    if (rc != 0) {
      throw new IllegalStateException("get_schema returned " + rc + lastError());
    }
    if (!StructKind.SCHEMA.isLive(schema.memoryAddress())) {
      throw new IllegalStateException("get_schema returned 0 and left the schema released (release == NULL)");
    }
    yielded(StructKind.SCHEMA, schema.memoryAddress(), "stream.schema");
    for (int i = 0; endProblem == null; i++) {
      if (i == maxBatches) {
        endProblem = "no end of stream within " + i + " batches";
      } else if (next("stream.batch" + i)) {
        pastTheEnd(i);
      }
    }
  }

  /** One get_next: true at the end of the stream; a live array is tracked, an error is the end problem. */
  private boolean next(String label) {
    long address = newArray();
    int rc = stream.getNext(address);
    if (rc != 0) {
      endProblem = "get_next returned " + rc + " after " + (trees.size() - 1) + " batch(es) instead of a released"
          + " array" + lastError();
      return false;
    }
    if (!StructKind.ARRAY.isLive(address)) {
      return true;
    }
    yielded(StructKind.ARRAY, address, label);
    return false;
  }

  /** The call after the end must end again; the end problem is set either way, empty when it did. */
  private void pastTheEnd(int batches) {
    long address = newArray();
    int rc = stream.getNext(address);
    if (rc != 0) {
      endProblem = "after the end (" + batches + " batches), get_next returned " + rc + lastError();
    } else if (StructKind.ARRAY.isLive(address)) {
      yielded(StructKind.ARRAY, address, "stream.afterEnd");
      endProblem = "after the end (" + batches + " batches), get_next returned a live array of length "
          + MemoryUtil.getLong(address);
    } else {
      endProblem = "";
    }
  }

  /** Releases the stream first, reads every result again, then releases each once. */
  void releaseStreamThenResults() {
    streamReleased = true;
    stream.release();
    streamNulled = !stream.isLive();
    for (int i = 0; i < trees.size(); i++) {
      after.add((i == 0 ? StructKind.SCHEMA : StructKind.ARRAY).isLive(addresses.get(i)) ? reading(i) : null);
    }
    releaseResults();
  }

  List<StreamRead.Result> results() {
    List<StreamRead.Result> results = new ArrayList<>();
    for (int i = 0; i < trees.size(); i++) {
      results.add(new StreamRead.Result(trees.get(i), before.get(i), after.get(i)));
    }
    return results;
  }

  /** How get_next failed to end the stream, or null when it ended it and said so again. */
  String endProblem() {
    return endProblem.isEmpty() ? null : endProblem;
  }

  boolean streamNulled() {
    return streamNulled;
  }

  Map<TrackedStruct, Integer> releaseCounts() {
    Map<TrackedStruct, Integer> counts = new LinkedHashMap<>();
    trees.forEach(tree -> tree.forEach(s -> counts.put(s, ledger.releaseCount(s))));
    return counts;
  }

  private void yielded(StructKind kind, long address, String label) {
    trees.add(ledger.trackTree(kind, address, label));
    addresses.add(address);
    before.add(reading(trees.size() - 1));
  }

  /** Result {@code i} read by the kit's reader: the schema tree, or the array's digest; or why it does not read. */
  private String reading(int i) {
    try {
      return i == 0 ? CDataReader.readSchema(addresses.get(0)).toString()
          : CDataReader.read(addresses.get(i), addresses.get(0)).digest();
    } catch (IllegalArgumentException malformed) {
      return "does not read as C Data: " + malformed.getMessage();
    }
  }

  private String lastError() {
    long message = stream.lastError();
    return message == 0 ? " (get_last_error: NULL)" : " (get_last_error: " + NativeText.quote(NativeText.bytes(message)) + ")";
  }

  private long newArray() {
    ArrowArray array = ArrowArray.allocateNew(allocator);
    arrays.add(array);
    return array.memoryAddress();
  }

  /** Arrays first: the schema describes them. Arrow Java's release() skips released structs. */
  private void releaseResults() {
    arrays.forEach(ArrowArray::release);
    schema.release();
  }

  @Override
  public void close() {
    try {
      if (!streamReleased && stream.isLive()) {
        streamReleased = true;
        stream.release();
      }
      releaseResults();
    } finally {
      arrays.forEach(ArrowArray::close);
      schema.close();
      struct.close();
    }
  }
}
