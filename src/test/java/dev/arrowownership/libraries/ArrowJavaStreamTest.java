package dev.arrowownership.libraries;

import dev.arrowownership.support.LeakRescue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.libraries.StreamImportSweep.Kind;
import dev.arrowownership.libraries.StreamImportSweep.Outcome;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Arrow Java 19.0.0's array streams: {@code Data.exportArrayStream} as producer, {@code Data.importArrayStream} under allocation failure. */
class ArrowJavaStreamTest {
  private static final int BATCHES = 3;
  private static final int ROWS = 10;

  private final LeakRescue rescue = new LeakRescue();
  private final RootAllocator allocator = rescue.rootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final BufferAllocator producer = allocator.newChildAllocator("producer", 0, Long.MAX_VALUE);
  private final StructMemory structs = new StructMemory(allocator);

  @AfterEach
  void close() {
    assertThat(StreamInterposer.CALLBACK_FAILURES).isEmpty();
    structs.close();
    ledger.close();
    producer.close(); // the exporter got everything back
    allocator.close(); // 0 outstanding, also after the sweeps' rescues
  }

  /**
   * Read raw through a moved copy, with every batch and the stream released on another thread: each
   * is released once, with all its children, release set to NULL, and the exporter frees everything.
   */
  @Test
  void exportArrayStreamReleasesEverythingOnceMovedAndOnAnotherThread() throws Exception {
    ArrowArrayStream exported = exported();
    TrackedStream tracked = StreamInterposer.install(ledger, exported.memoryAddress(), "java");
    ArrowArrayStream moved = structs.moveStream(exported.memoryAddress());

    ArrowSchema schema = structs.schema();
    moved.getSchema(schema);
    List<ArrowArray> batches = new ArrayList<>();
    for (ArrowArray next = structs.array(); read(moved, next); next = structs.array()) {
      batches.add(next);
    }
    onAnotherThread(() -> {
      batches.forEach(ArrowArray::release);
      schema.release();
      moved.release();
    });

    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(tracked.releaseNulled()).isTrue();
    assertThat(tracked.batches()).hasSize(BATCHES);
    assertThat(tracked.schemas()).hasSize(1);
    assertThat(counts(tracked.batches())).containsOnly(1);
    assertThat(counts(tracked.batchDescendants())).isNotEmpty().containsOnly(1);
    assertThat(counts(tracked.schemaDescendants())).isNotEmpty().containsOnly(1);
    ledger.verifyExactlyOnce();
    assertThat(ledger.events()).filteredOn(e -> tracked.batches().contains(e.struct()))
        .hasSize(BATCHES).allSatisfy(e -> assertThat(e.thread()).isEqualTo("releaser"));
    assertThat(producer.getAllocatedMemory()).isZero();
  }

  /**
   * At each of its allocation points, {@code Data.importArrayStream} read to its end loses the
   * batch it was importing at all but the first allocation of each batch: asserted as observed.
   */
  @Test
  void importArrayStreamLosesTheBatchInFlightAtMostAllocationPoints() {
    List<Outcome> outcomes = new StreamImportSweep(allocator, ledger, rescue, BATCHES, ROWS).sweep();
    Map<Kind, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, Collectors.counting()));

    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.EXACTLY_ONCE);
    assertThat(outcomes).hasSize(1 + outcomes.get(0).allocations());
    assertThat(kinds.get(Kind.OTHER)).as("unexpected outcomes: %s", outcomes).isNull();
    // clean run, plus the array struct allocated before each get_next (BATCHES + 1 calls)
    assertThat(kinds.get(Kind.EXACTLY_ONCE)).isEqualTo(BATCHES + 2L);
    // the moved stream's own struct, the first allocation
    assertThat(kinds.get(Kind.STREAM_LEFT_WITH_CALLER)).isEqualTo(1L);
    // the importer's struct for each batch, and the schema struct read after the first get_next
    assertThat(kinds.get(Kind.BATCH_CLOSED_WHILE_LIVE)).isEqualTo(BATCHES + 1L);
    // every buffer of every batch: apache/arrow-java#1239
    assertThat(kinds.get(Kind.BATCH_MOVED_AND_LOST)).isEqualTo(outcomes.size() - (2L * BATCHES + 4));
    assertThat(outcomes).allSatisfy(o -> assertThat(o.violations()).isEmpty());
  }

  /**
   * When the producer's {@code get_next} fails part way, reading throws, and closing the reader
   * still releases the stream once and every batch it obtained once.
   */
  @Test
  void importArrayStreamReleasesEverythingOnceWhenTheProducerFailsPartWay() throws Exception {
    ArrowArrayStream stream = exported();
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "java").failGetNextAfter(1);

    try (ArrowReader reader = Data.importArrayStream(allocator, stream)) {
      assertThat(reader.loadNextBatch()).isTrue();
      assertThatThrownBy(reader::loadNextBatch).isInstanceOf(IOException.class)
          .hasMessageContaining(StreamInterposer.INJECTED_ERROR);
    }

    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(counts(tracked.batches())).containsExactly(1);
    ledger.verifyExactlyOnce();
    assertThat(producer.getAllocatedMemory()).isZero();
  }

  private ArrowArrayStream exported() {
    ArrowArrayStream stream = structs.stream();
    GeneratedStream.of(producer, BATCHES, ROWS).exportTo(producer, stream);
    return stream;
  }

  private static boolean read(ArrowArrayStream stream, ArrowArray into) throws IOException {
    stream.getNext(into);
    return into.snapshot().release != 0;
  }

  private List<Integer> counts(List<TrackedStruct> structs) {
    return structs.stream().map(ledger::releaseCount).toList();
  }

  private static void onAnotherThread(Runnable action) throws InterruptedException {
    Thread thread = new Thread(action, "releaser");
    thread.start();
    thread.join();
  }
}
