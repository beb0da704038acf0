package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kit's stream does what its plan says: fails where planned, yields the planned shapes and faults, and cleans up. */
class KitStreamPlanTest {
  private static final StreamPlan TWO = StreamPlan.batches(2);

  private final RootAllocator allocator = new RootAllocator();
  private final RootAllocator consumer = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final ArrowSchema schema = ArrowSchema.allocateNew(consumer);
  private final ArrowArray array = ArrowArray.allocateNew(consumer);
  private final List<ArrowArray> scratch = new ArrayList<>();

  @AfterEach
  void close() {
    scratch.forEach(ArrowArray::close);
    schema.close();
    array.close();
    ledger.close();
    consumer.close();
    assertThat(allocator.getAllocatedMemory()).as("the kit's memory after the stream closed").isZero();
    allocator.close();
  }

  /** A failing get_schema writes nothing, and get_last_error then gives the plan's message. */
  @Test
  void failingGetSchemaGivesThePlansMessage() throws Exception {
    try (KitStream stream = new KitStream(allocator, ledger, TWO.failingGetSchema("no schema today"))) {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream.address());
      assertThatThrownBy(() -> wrapped.getSchema(schema)).isInstanceOf(IOException.class)
          .hasMessage("[errno 5] CDataJniException{errno=5, message=no schema today}");
      assertThat(schema.snapshot().release).isZero();
      assertThat(stream.results()).isEmpty();
      wrapped.release();
    }
  }

  /**
   * get_last_error gives the message only right after a failure; called after a success (or before
   * any call) it gives NULL, and the stream counts the call: the spec allows it only after an error.
   */
  @Test
  void lastErrorOnlyAfterAFailureAndMisuseIsCounted() throws Exception {
    try (KitStream stream = new KitStream(allocator, ledger, TWO.failingGetNext(1, "broken"))) {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream.address());
      assertThat(lastError(stream)).isNull();
      wrapped.getSchema(schema);
      assertThat(lastError(stream)).isNull();
      wrapped.getNext(array);
      assertThatThrownBy(() -> wrapped.getNext(ArrowArray.wrap(scratchArray()))).hasMessageContaining("message=broken");
      assertThat(lastError(stream)).isEqualTo("broken");
      assertThat(stream.lastErrorQueriesAfterSuccess()).isEqualTo(2);
      schema.release();
      array.release();
      wrapped.release();
    }
  }

  /**
   * get_next fails at the planned call and at every later one, each time leaving out released; the
   * batches before it are results; NULL from get_last_error makes Arrow Java report strerror.
   */
  @Test
  void getNextFailsFromThePlannedCallOn() throws Exception {
    try (KitStream stream = new KitStream(allocator, ledger, TWO.failingGetNext(1, null))) {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream.address());
      wrapped.getNext(array);
      array.release();
      long out = scratchArray();
      StructKind.ARRAY.setRelease(out, 0x1234); // whatever was there: the failing call marks it released
      for (int call = 1; call <= 2; call++) {
        assertThatThrownBy(() -> wrapped.getNext(ArrowArray.wrap(out)))
            .hasMessage("[errno 5] CDataJniException{errno=5, message=Input/output error}");
        assertThat(StructKind.ARRAY.isLive(out)).isFalse();
      }
      assertThat(stream.results()).hasSize(1);
      assertThat(stream.filledOnError()).isEmpty();
      wrapped.release();
    }
  }

  /**
   * A get_next that fills out and then fails: the array is tracked apart from the results; released
   * by the consumer it stays released once; never released, the kit releases it at close.
   */
  @Test
  void filledThenFailedArrayIsTheConsumersOrRescuedAtClose() throws Exception {
    KitStream released = new KitStream(allocator, ledger, TWO.fillingThenFailingGetNext(0, "filled"));
    ArrowArrayStream wrapped = ArrowArrayStream.wrap(released.address());
    assertThatThrownBy(() -> wrapped.getNext(array)).hasMessageContaining("message=filled");
    assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isTrue();
    assertThat(released.results()).isEmpty();
    assertThat(released.filledOnError()).hasSize(1);
    array.release();
    wrapped.release();
    released.close();
    assertThat(ledger.releaseCount(released.filledOnError().get(0))).isEqualTo(1);

    KitStream dropped = new KitStream(allocator, ledger, TWO.fillingThenFailingGetNext(1, "filled"));
    ArrowArrayStream other = ArrowArrayStream.wrap(dropped.address());
    other.getNext(array);
    array.release();
    assertThatThrownBy(() -> other.getNext(array)).hasMessageContaining("message=filled");
    array.close(); // the consumer frees its struct without releasing what it held
    other.release();
    assertThat(ledger.releaseCount(dropped.filledOnError().get(0))).isZero();
    dropped.close();
    assertThat(ledger.releaseCount(dropped.filledOnError().get(0))).isEqualTo(1);
    ledger.verifyExactlyOnce();
  }

  /** The batches have the planned lengths, then the stream ends with a released array. */
  @Test
  void batchesHaveThePlannedLengths() throws Exception {
    try (KitStream stream = new KitStream(allocator, ledger, TWO.withRows(3, 0, 1))) {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream.address());
      for (long rows : new long[] {3, 0, 1}) {
        wrapped.getNext(array);
        assertThat(array.snapshot().length).isEqualTo(rows);
        array.release();
      }
      wrapped.getNext(array);
      assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isFalse();
      assertThat(stream.results()).hasSize(3);
      wrapped.release();
    }
  }

  /** A schema fault is in every schema the stream gives; an array fault only in the first batch. */
  @Test
  void faultsGoWhereThePlanSays() throws Exception {
    try (KitStream schemas = new KitStream(allocator, ledger, TWO.with(InvalidBatch.UNKNOWN_FORMAT))) {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(schemas.address());
      for (int call = 0; call < 2; call++) {
        wrapped.getSchema(schema);
        long format = MemoryUtil.getLong(StructKind.SCHEMA.child(schema.memoryAddress(), 0));
        assertThat(MemoryUtil.getByte(format)).isEqualTo((byte) '?');
        schema.release();
      }
      wrapped.getNext(array);
      assertThat(array.snapshot().length).isEqualTo(KitBatches.ROWS); // the array is not broken
      array.release();
      wrapped.release();
    }
    try (KitStream arrays = new KitStream(allocator, ledger, TWO.with(InvalidBatch.RELEASED_CHILD))) {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(arrays.address());
      wrapped.getSchema(schema);
      assertThat(StructKind.SCHEMA.isLive(StructKind.SCHEMA.child(schema.memoryAddress(), 1))).isTrue();
      schema.release();
      wrapped.getNext(array);
      assertThat(StructKind.ARRAY.isLive(StructKind.ARRAY.child(array.memoryAddress(), 1))).isFalse();
      array.release();
      wrapped.getNext(array);
      assertThat(StructKind.ARRAY.isLive(StructKind.ARRAY.child(array.memoryAddress(), 1))).isTrue();
      array.release();
      wrapped.release();
    } // close releases the moved-out child: the kit's memory ends at 0 (checked after each test)
    ledger.verifyExactlyOnce();
  }

  /** Another ArrowArray struct of the consumer's, freed after the test. */
  private long scratchArray() {
    ArrowArray struct = ArrowArray.allocateNew(consumer);
    scratch.add(struct);
    return struct.memoryAddress();
  }

  private static String lastError(KitStream stream) {
    Pointer message = Function.getFunction(new Pointer(StreamField.GET_LAST_ERROR.get(stream.address())))
        .invokePointer(new Object[] {new Pointer(stream.address())});
    return message == null ? null : message.getString(0);
  }
}
