package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's stream exported as a producer's: written into the caller's struct, its results tracked by
 * the consumer's ledger alone, everything it holds freed by its release.
 */
class KitStreamExportTest {
  private static final int EINVAL = 22;
  private static final LayoutStream STREAM = new LayoutStream(ArrowLayout.nested("+vl", "l",
      List.of(ArrowLayout.leaf("vz", "v"))), List.of(new BatchShape(5, 2, BatchShape.Nulls.SOME, 9),
      new BatchShape(0, 0, BatchShape.Nulls.ALL, 1)));

  private final RootAllocator allocator = new RootAllocator();
  private final RootAllocator consumer = new RootAllocator();
  private final ArrowArrayStream struct = ArrowArrayStream.allocateNew(consumer);
  private final ArrowSchema schema = ArrowSchema.allocateNew(consumer);
  private final List<ArrowArray> arrays = new ArrayList<>();

  @AfterEach
  void close() {
    arrays.forEach(ArrowArray::close);
    schema.close();
    struct.close();
    consumer.close();
    assertThat(allocator.getAllocatedMemory()).as("the producer's memory once everything was released").isZero();
    allocator.close();
  }

  /** The consumer's ledger tracks every result of an exported stream; the stream's release frees what it holds, not its results. */
  @Test
  void theConsumersLedgerTracksEveryResultAndTheStreamsReleaseLeavesThemLive() throws Exception {
    LayoutStreamSource source = new LayoutStreamSource(STREAM, ReleasePlan.COMPLETE);
    KitStream.export(allocator, source.streamPlan(), source, struct.memoryAddress());
    assertThat(allocator.getAllocatedMemory()).as("nothing allocated before the first callback").isZero();
    try (ReleaseLedger ledger = new ReleaseLedger()) {
      struct.getSchema(schema);
      ledger.trackTree(StructKind.SCHEMA, schema.memoryAddress(), "schema");
      List<Long> lengths = new ArrayList<>();
      for (ArrowArray array = next(); StructKind.ARRAY.isLive(array.memoryAddress()); array = next()) {
        ledger.trackTree(StructKind.ARRAY, array.memoryAddress(), "batch");
        lengths.add(CDataReader.read(array.memoryAddress(), schema.memoryAddress()).length());
      }
      assertThat(lengths).containsExactly(5L, 0L);
      struct.release();
      assertThat(StreamField.RELEASE.get(struct.memoryAddress())).isZero();
      assertThat(CDataReader.read(arrays.get(0).memoryAddress(), schema.memoryAddress()).length())
          .as("a result outlives the stream").isEqualTo(5);
      arrays.forEach(ArrowArray::release);
      schema.release();
      ledger.verifyExactlyOnce();
    }
  }

  /** After its release, an exported stream is closed: a callback through a stale copy of its pointers gets EINVAL. */
  @Test
  void anExportedStreamIsClosedByItsRelease() {
    KitStream.export(allocator, StreamPlan.batches(0), new LayoutSource(STREAM.batch(0)), struct.memoryAddress());
    long getNext = StreamField.GET_NEXT.get(struct.memoryAddress());
    assertThat(callGetNext(getNext)).as("the end of the stream").isZero();
    struct.release();
    assertThat(callGetNext(getNext)).isEqualTo(EINVAL);
  }

  /** A stream the kit hands to a consumer under test stays open after its release, until the kit closes it. */
  @Test
  void aTrackedStreamIsClosedByTheKitNotByItsRelease() {
    try (ReleaseLedger ledger = new ReleaseLedger()) {
      KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(0), new LayoutSource(STREAM.batch(0)));
      long getNext = StreamField.GET_NEXT.get(stream.address());
      long memory = allocator.getAllocatedMemory();
      ArrowArrayStream.wrap(stream.address()).release();
      assertThat(stream.releaseCalls()).isOne();
      assertThat(callGetNext(getNext, stream.address())).as("still registered").isZero();
      assertThat(allocator.getAllocatedMemory()).as("its struct is still the kit's").isEqualTo(memory);
      stream.close(); // frees the struct: no callback may be called on it any more
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  /** A struct takes one interposer: a stream that tracked its results itself left none for the consumer's ledger. */
  @Test
  void aResultTrackedByTheStreamCannotBeTrackedByItsConsumer() throws Exception {
    try (ReleaseLedger streams = new ReleaseLedger(); ReleaseLedger consumers = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, streams, StreamPlan.batches(0), new LayoutSource(STREAM.batch(0)))) {
      ArrowArrayStream.wrap(stream.address()).getSchema(schema);
      assertThatThrownBy(() -> consumers.trackTree(StructKind.SCHEMA, schema.memoryAddress(), "consumer's"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("is already tracked as stream.schema");
      assertThat(stream.results()).hasSize(1);
      schema.release();
      ArrowArrayStream.wrap(stream.address()).release();
    }
  }

  /** Exporting over a live stream is refused, the stream left as it was; so is a plan that fills out before failing. */
  @Test
  void exportRefusesALiveTargetAndAPlanWithoutAnOwnerForWhatAFailureFilled() {
    LayoutSource source = new LayoutSource(STREAM.batch(0));
    KitStream.export(allocator, StreamPlan.batches(1), source, struct.memoryAddress());
    ArrowArrayStream.Snapshot before = struct.snapshot();
    assertThatThrownBy(() -> KitStream.export(allocator, StreamPlan.batches(1), source, struct.memoryAddress()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is live (release != NULL)");
    assertThat(struct.snapshot().private_data).isEqualTo(before.private_data);
    struct.release();
    StreamPlan filling = StreamPlan.batches(2).fillingThenFailingGetNext(0, "filled");
    assertThatThrownBy(() -> KitStream.export(allocator, filling, source, struct.memoryAddress()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot fill out before failing");
    assertThat(StreamField.RELEASE.get(struct.memoryAddress())).isZero();
  }

  /** The kit's own streams need a ledger: without one they would be exported ones. */
  @Test
  void aStreamForAConsumerUnderTestNeedsALedger() {
    assertThatThrownBy(() -> new KitStream(allocator, null, StreamPlan.batches(1))).isInstanceOf(NullPointerException.class)
        .hasMessage("ledger");
  }

  private ArrowArray next() throws Exception {
    ArrowArray array = ArrowArray.allocateNew(consumer);
    arrays.add(array);
    struct.getNext(array);
    return array;
  }

  private int callGetNext(long getNext) {
    return callGetNext(getNext, struct.memoryAddress());
  }

  /** get_next through {@code getNext}, a pointer read before any release, into an array of the consumer's. */
  private int callGetNext(long getNext, long stream) {
    try (ArrowArray out = ArrowArray.allocateNew(consumer)) {
      return Function.getFunction(new Pointer(getNext)).invokeInt(new Object[] {new Pointer(stream),
          new Pointer(out.memoryAddress())});
    }
  }
}
