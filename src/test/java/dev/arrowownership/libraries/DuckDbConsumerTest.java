package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's {@code registerArrowStream} reading a stream Arrow Java exports, every struct of which
 * (the stream, each schema and array, their children and dictionaries) is tracked by the ledger.
 */
class DuckDbConsumerTest {
  private static final int BATCHES = 4;
  private static final int ROWS = 500;
  private static final int STREAM_RELEASE_OFFSET = 24;
  private static final long DISTINCT_COLORS = 4; // GeneratedBatch's palette: red, green, blue, black

  private final RootAllocator allocator = new RootAllocator();
  private final BufferAllocator producer = allocator.newChildAllocator("producer", 0, Long.MAX_VALUE);
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final StructMemory structs = new StructMemory(allocator);
  private DuckDbSession duck;

  @BeforeEach
  void openDuckDb() throws SQLException {
    duck = DuckDbSession.openOrSkip();
  }

  @AfterEach
  void close() throws SQLException {
    assertThat(StreamInterposer.CALLBACK_FAILURES).isEmpty();
    duck.close();
    structs.close();
    ledger.close();
    producer.close(); // the producer got everything back
    allocator.close();
  }

  /**
   * A scan releases the stream once, and every schema and array it obtained once, through the
   * base struct only, and the producer gets all its memory back.
   */
  @Test
  void scanReleasesTheStreamAndEveryResultOnceNeverAChild() throws SQLException {
    GeneratedStream source = GeneratedStream.of(producer, BATCHES, ROWS);
    ArrowArrayStream stream = exported(source);
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "java");

    duck.connection.registerArrowStream("kit", stream);
    assertThat(scan("SELECT count(*) FROM kit")).isEqualTo(source.totalRows());

    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(tracked.releaseNulled()).isTrue();
    assertThat(tracked.batches()).hasSize(BATCHES);
    assertThat(tracked.schemas()).hasSize(4); // as observed in v1.5.2: 3 while binding the view, 1 for the scan
    assertThat(releaseCounts(tracked.batches())).containsOnly(1);
    assertThat(releaseCounts(tracked.schemas())).containsOnly(1);
    assertThat(releaseCounts(tracked.batchDescendants())).isNotEmpty().containsOnly(1);
    assertThat(releaseCounts(tracked.schemaDescendants())).isNotEmpty().containsOnly(1);
    ledger.verifyExactlyOnce(); // no double release, no child released by DuckDB, nothing left
    assertThat(producer.getAllocatedMemory()).isZero();
  }

  /**
   * Through the kit's own streams (JNA callbacks, not Arrow Java's exporter), failing, empty, uneven
   * and invalid ones included, DuckDB keeps every stream consumer rule, the optional one too: it
   * releases what a failing get_next put into out ({@code ArrowArrayWrapper}'s destructor).
   */
  @Test
  void duckDbKeepsTheKitsStreamConsumerRules() throws SQLException {
    Verdict verdict = ConformanceReports.write("duckdb-stream-consumer", ConformanceKit.checkStreamConsumer(
        duck.versions() + " registerArrowStream", DuckDbTargets.streamConsumer()));

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE).message()).endsWith(
        "rejected with an error: [unknown_format, negative_length, released_child], read without an error:"
            + " [wrong_buffer_count]");
  }

  /**
   * When the producer's {@code get_next} fails part way, the scan fails with its error, and DuckDB
   * still releases the stream once and every batch it obtained once.
   */
  @Test
  void producerErrorPartWayStillReleasesEverythingOnce() {
    ArrowArrayStream stream = exported(GeneratedStream.of(producer, BATCHES, ROWS));
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "java").failGetNextAfter(2);
    duck.connection.registerArrowStream("kit", stream);

    assertThatThrownBy(() -> scan("SELECT count(*) FROM kit")).hasMessageContaining(StreamInterposer.INJECTED_ERROR);

    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(tracked.batches()).hasSize(2);
    assertThat(releaseCounts(tracked.batches())).containsOnly(1);
    assertThat(releaseCounts(tracked.batchDescendants())).isNotEmpty().containsOnly(1);
    ledger.verifyExactlyOnce();
    assertThat(producer.getAllocatedMemory()).isZero();
  }

  /** The values DuckDB reads through the stream are the values exported. */
  @Test
  void scanReadsTheExportedValues() throws SQLException {
    GeneratedStream source = GeneratedStream.of(producer, BATCHES, ROWS);
    duck.connection.registerArrowStream("kit", exported(source));

    // id has a null every 13th row; tags holds i % 4 items per row; color is dictionary-encoded.
    assertThat(scanRow("SELECT count(*), count(id), sum(len(tags)), count(DISTINCT color) FROM kit"))
        .containsExactly(source.totalRows(), countNonNull(ROWS) * BATCHES, tagItems(ROWS) * BATCHES, DISTINCT_COLORS);
  }

  /** The first scan moves the stream out of the caller's struct; a second scan fails and releases nothing twice. */
  @Test
  void firstScanMovesTheStreamSecondFails() throws SQLException {
    ArrowArrayStream stream = exported(GeneratedStream.of(producer, BATCHES, ROWS));
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "java");
    duck.connection.registerArrowStream("kit", stream);
    scan("SELECT count(*) FROM kit");

    assertThat(MemoryUtil.getLong(stream.memoryAddress() + STREAM_RELEASE_OFFSET)).isZero();
    assertThatThrownBy(() -> scan("SELECT count(*) FROM kit")).hasMessageContaining("This stream has been released");
    assertThat(tracked.releaseCalls()).isEqualTo(1);
    ledger.verifyExactlyOnce();
  }

  /**
   * As observed: registering only borrows the stream. Never scanned, it is not released, even when
   * the connection closes; it stays live in the caller's struct, and the caller must release it.
   */
  @Test
  void registeredStreamNeverScannedStaysTheCallersToRelease() throws SQLException {
    ArrowArrayStream stream = exported(GeneratedStream.of(producer, BATCHES, ROWS));
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "java");
    duck.connection.registerArrowStream("kit", stream);
    duck.close();

    assertThat(tracked.releaseCalls()).isZero();
    assertThat(MemoryUtil.getLong(stream.memoryAddress() + STREAM_RELEASE_OFFSET)).isNotZero();
    assertThat(releaseCounts(tracked.schemas())).isNotEmpty().containsOnly(1); // the binds' schemas
    stream.release();
    assertThat(tracked.releaseCalls()).isEqualTo(1);
    ledger.verifyExactlyOnce();
  }

  private ArrowArrayStream exported(GeneratedStream source) {
    ArrowArrayStream stream = structs.stream();
    source.exportTo(producer, stream);
    return stream;
  }

  private long scan(String sql) throws SQLException {
    return scanRow(sql)[0];
  }

  private long[] scanRow(String sql) throws SQLException {
    try (Statement statement = duck.connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
      results.next();
      long[] row = new long[results.getMetaData().getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = results.getLong(i + 1);
      }
      return row;
    }
  }

  private List<Integer> releaseCounts(List<TrackedStruct> tracked) {
    return tracked.stream().map(ledger::releaseCount).toList();
  }

  private static long countNonNull(int rows) {
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      nulls += i % 13 == 5 ? 1 : 0; // where GeneratedBatch writes a null id
    }
    return rows - nulls;
  }

  private static long tagItems(int rows) {
    long items = 0;
    for (int i = 0; i < rows; i++) {
      items += i % 4;
    }
    return items;
  }
}
