package dev.arrowownership.nativecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLibrary;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.AllocationFaults;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.KitStructs;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.support.NativeFixtures;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The native fixtures do what their conformance verdicts assume: the consumer reads the batch it is
 * given while it owns it, the stream consumer reads to the end and reads a failure's message, and the producer's every failure
 * path (through its fault hook) returns ENOMEM, leaves the kit's structs released and frees what it
 * allocated.
 */
class NativeFixturesTest {

  /** consumer_take sums the non-null values of the "id" column of an Arrow Java batch. */
  @Test
  void consumerReadsTheBatchWhileItOwnsIt() throws Exception {
    NativeTarget target = FixtureTargets.consumer("consumer_take");
    try (RootAllocator allocator = new RootAllocator(); GeneratedBatch batch = GeneratedBatch.create(allocator, 40, 7);
        ArrowArray array = ArrowArray.allocateNew(allocator); ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), array, schema);
      IntVector ids = (IntVector) batch.root().getVector("id");
      long expected = 0;
      for (int i = 0; i < ids.getValueCount(); i++) {
        expected += ids.isNull(i) ? 0 : ids.get(i);
      }

      target.consumer().orElseThrow().consume(array.memoryAddress(), schema.memoryAddress(), allocator).close();

      assertThat(call(target, "consumer_last_id_sum")).isEqualTo(expected);
      assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isFalse();
      assertThat(StructKind.SCHEMA.isLive(schema.memoryAddress())).isFalse();
    }
  }

  /** stream_consumer_read_all reads every array of the stream, releasing the schema, each array and the stream once. */
  @Test
  void streamConsumerReadsToTheEnd() throws Exception {
    NativeTarget target = FixtureTargets.streamConsumer("stream_consumer_read_all");
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, ledger, 2)) {
      target.streamConsumer().orElseThrow().consume(stream.address(), allocator).close();

      assertThat(call(target, "stream_consumer_rows_read")).isEqualTo(2L * KitBatches.ROWS);
      assertThat(stream.results().stream().map(ledger::releaseCount)).containsExactly(1, 1, 1);
      assertThat(stream.releaseCalls()).isOne();
    }
  }

  /**
   * After a failing get_next the stream consumer reads get_last_error, before any other callback,
   * and keeps a copy of the text; NULL, which the spec allows ("if no detailed description is
   * available"), is no message rather than a crash. It never asks after a success, which the spec
   * forbids (get_last_error "must ONLY be called if the last operation ... returned an error").
   */
  @Test
  void streamConsumerReadsTheLastErrorOnlyAfterAFailure() throws Exception {
    NativeTarget target = FixtureTargets.streamConsumer("stream_consumer_read_all");
    CDataStreamConsumer consumer = target.streamConsumer().orElseThrow();
    StreamPlan plain = StreamPlan.batches(2);
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger()) {
      try (KitStream stream = new KitStream(allocator, ledger, plain.failingGetNext(1, "the disk went away"))) {
        assertThatThrownBy(() -> consumer.consume(stream.address(), allocator))
            .isInstanceOf(NativeCallFailed.class).hasMessage("stream_consumer_read_all returned 5 (EIO)");
        assertThat(lastError(target)).isEqualTo("the disk went away");
        assertThat(stream.lastErrorQueriesAfterSuccess()).isZero();
      }
      try (KitStream stream = new KitStream(allocator, ledger, plain.failingGetNext(1, null))) {
        assertThatThrownBy(() -> consumer.consume(stream.address(), allocator)).isInstanceOf(NativeCallFailed.class);
        assertThat(lastError(target)).as("the earlier message replaced by none").isEmpty();
        assertThat(stream.lastErrorQueriesAfterSuccess()).isZero();
        assertThat(stream.results().stream().map(ledger::releaseCount)).containsExactly(1, 1);
        assertThat(stream.releaseCalls()).isOne();
      }
    }
  }

  /**
   * Failing each of the producer's allocations in turn: every produce() fails with ENOMEM, leaves
   * both of the kit's structs released and the library holding what it held before, until the
   * armed allocation is past the last one and produce() succeeds.
   */
  @Test
  void producerFailsCleanlyOnEveryAllocation() throws Exception {
    NativeTarget target = FixtureTargets.producer("producer_make_batch");
    CDataProducer producer = target.producer().orElseThrow();
    AllocationFaults faults = target.allocationFaults().orElseThrow();
    long before = producer.allocatedBytes();
    int k = 0;
    try (RootAllocator allocator = new RootAllocator()) {
      for (; ; k++) {
        try (KitStructs structs = new KitStructs(allocator)) {
          faults.failAt(k);
          try {
            producer.produce(structs.arrayAddress(), structs.schemaAddress());
          } catch (NativeCallFailed failed) {
            assertThat(failed.errno()).as("allocation #%d", k).isEqualTo(12);
          }
          boolean fired = faults.disarm();
          assertThat(StructKind.ARRAY.isLive(structs.arrayAddress())).as("allocation #%d", k).isEqualTo(!fired);
          assertThat(StructKind.SCHEMA.isLive(structs.schemaAddress())).as("allocation #%d", k).isEqualTo(!fired);
          structs.releaseLive();
          assertThat(producer.allocatedBytes()).as("allocation #%d", k).isEqualTo(before);
          if (!fired) {
            break;
          }
        }
      }
    }
    // Each struct below the top, each private_data and each buffer: 16 in the array's tree (three
    // children, a dictionary, seven buffers), 9 in the schema's (five nodes, four below the top).
    assertThat(k).isEqualTo(25);
  }

  /** Before any failure is armed, disarming reports none; a producer call with a fault armed too far succeeds. */
  @Test
  void faultHookArmedBeyondTheLastAllocationNeverFires() throws Exception {
    NativeTarget target = FixtureTargets.producer("producer_make_batch");
    AllocationFaults faults = target.allocationFaults().orElseThrow();
    faults.disarm();
    assertThat(faults.disarm()).isFalse();
    try (RootAllocator allocator = new RootAllocator(); KitStructs structs = new KitStructs(allocator)) {
      faults.failAt(1_000);
      target.producer().orElseThrow().produce(structs.arrayAddress(), structs.schemaAddress());
      assertThat(faults.disarm()).isFalse();
      structs.releaseLive();
    }
    assertThatThrownBy(() -> call(target, "no_such_function")).isInstanceOf(UnsatisfiedLinkError.class);
  }

  /** A fixture the build did not make skips the test with the build's own account (which compiler, or none). */
  @Test
  void fixtureNotBuiltSkipsWithTheBuildsReason() {
    assertThatThrownBy(() -> NativeFixtures.require("no_such_fixture"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageEndingWith("native fixture libno_such_fixture.so was not built: " + NativeFixtures.buildStatus());
  }

  private static String lastError(NativeTarget target) {
    return NativeLibrary.getInstance(target.library().toString()).getFunction("stream_consumer_last_error")
        .invokeString(new Object[0], false);
  }

  private static long call(NativeTarget target, String function) {
    return NativeLibrary.getInstance(target.library().toString()).getFunction(function).invokeLong(new Object[0]);
  }
}
