package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DuckDB's native Arrow export, checked with DuckDB's own release callbacks counted by the ledger. */
class DuckDbProducerTest {
  private static final long ROWS = 10_000;
  private static final long BATCH = 1_024;
  private static final int BATCHES = (int) ((ROWS + BATCH - 1) / BATCH);

  private static DuckDbSession duck;

  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final StructMemory structs = new StructMemory(allocator);

  @BeforeAll
  static void openDuckDb() throws SQLException {
    duck = DuckDbSession.openOrSkip();
  }

  @AfterAll
  static void closeDuckDb() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  @AfterEach
  void close() {
    assertThat(StreamInterposer.CALLBACK_FAILURES).isEmpty();
    structs.close();
    ledger.close();
    allocator.close(); // the leak check
  }

  /**
   * DuckDB's batches keep the kit's producer rules but one: its schema release frees the child
   * schemas without calling their release (the same cause fails the other-thread rule).
   */
  @Test
  void duckDbExportKeepsTheProducerRulesButReleasingChildSchemas() throws SQLException {
    Verdict verdict = ConformanceReports.write("duckdb-producer", ConformanceKit.checkProducer(
            duck.versions() + " Arrow export", DuckDbTargets.producer(duck, structs, 1_000))
        .expectingFindings(Map.of(
            Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN, KnownFindings.DUCKDB_SCHEMA_CHILDREN,
            Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD, KnownFindings.DUCKDB_SCHEMA_CHILDREN)));

    verdict.assertConforms();
    assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::message)
        .allSatisfy(m -> assertThat(m).contains(".schema#").doesNotContain(".array#"));
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  /**
   * Read to its end, the stream is released once and so is every batch with all its children; the
   * schema is released once, its children never (the finding).
   */
  @Test
  void streamAndEveryBatchAreReleasedOnceChildSchemasNever() throws Exception {
    long address = duck.exportStream(ROWS, BATCH);
    TrackedStream stream = StreamInterposer.install(ledger, address, "duckdb");
    long ids = 0;
    try (ArrowReader reader = Data.importArrayStream(allocator, ArrowArrayStream.wrap(address))) {
      while (reader.loadNextBatch()) {
        ids += sum((BigIntVector) reader.getVectorSchemaRoot().getVector("id"));
      }
    }

    assertThat(ids).isEqualTo(ROWS * (ROWS - 1) / 2);
    assertThat(stream.releaseCalls()).isEqualTo(1);
    assertThat(stream.releaseNulled()).isTrue();
    assertThat(stream.batches()).hasSize(BATCHES);
    assertThat(stream.batchDescendants()).hasSize(BATCHES * 9); // id, name, point, x, label, tags, item, color, dictionary
    assertThat(releaseCounts(stream.batches())).containsOnly(1);
    assertThat(releaseCounts(stream.batchDescendants())).containsOnly(1);
    assertThat(releaseCounts(stream.schemas())).containsExactly(1);
    assertThat(releaseCounts(stream.schemaDescendants())).hasSize(9).containsOnly(0);
    assertThat(ledger.violations()).isEmpty();
  }

  /** The minimal reproducer: one DuckDB schema, released; its children's release is never called. */
  @Test
  void schemaReleaseSkipsTheChildrensRelease() throws Exception {
    ArrowArrayStream stream = structs.moveStream(duck.exportStream(10, 10));
    ArrowSchema schema = structs.schema();
    stream.getSchema(schema);
    stream.release();
    List<TrackedStruct> tree = ledger.trackTree(StructKind.SCHEMA, schema.memoryAddress(), "duckdb");
    long firstChild = StructKind.SCHEMA.child(schema.memoryAddress(), 0);

    schema.release();

    assertThat(ledger.releaseCount(tree.get(0))).isEqualTo(1);
    assertThat(StructKind.SCHEMA.release(schema.memoryAddress())).isZero();
    assertThat(releaseCounts(tree.subList(1, tree.size()))).hasSize(9).containsOnly(0);
    assertThat(firstChild).isNotZero(); // the child existed and had its own release callback
    assertThat(ledger.violations()).isEmpty();
  }

  /** A batch stays valid after its stream is released, and its own release frees it once. */
  @Test
  void batchOutlivesItsStream() throws Exception {
    ArrowArrayStream stream = structs.moveStream(duck.exportStream(ROWS, BATCH));
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "duckdb");
    ArrowArray first = structs.array();
    ArrowSchema schema = structs.schema();
    stream.getSchema(schema);
    stream.getNext(first);
    stream.release();

    try (CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
        VectorSchemaRoot root = Data.importVectorSchemaRoot(allocator, first, schema, dictionaries)) {
      assertThat(root.getRowCount()).isEqualTo((int) BATCH);
      assertThat(sum((BigIntVector) root.getVector("id"))).isEqualTo(BATCH * (BATCH - 1) / 2);
    }
    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(releaseCounts(tracked.batches())).containsExactly(1);
    assertThat(releaseCounts(tracked.batchDescendants())).containsOnly(1);
    assertThat(ledger.violations()).isEmpty();
  }

  /** A stream released on another thread before it is read is released once and yields nothing. */
  @Test
  void unreadStreamIsReleasedOnceOnAnotherThread() throws Exception {
    ArrowArrayStream stream = structs.moveStream(duck.exportStream(ROWS, BATCH));
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "duckdb");
    Thread releaser = new Thread(stream::release, "duckdb-releaser");
    releaser.start();
    releaser.join();

    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(tracked.releaseNulled()).isTrue();
    assertThat(tracked.batches()).isEmpty();
    ledger.verifyExactlyOnce();
  }

  private List<Integer> releaseCounts(List<TrackedStruct> tracked) {
    return tracked.stream().map(ledger::releaseCount).toList();
  }

  private static long sum(BigIntVector ids) {
    long sum = 0;
    for (int i = 0; i < ids.getValueCount(); i++) {
      sum += ids.get(i);
    }
    return sum;
  }
}
