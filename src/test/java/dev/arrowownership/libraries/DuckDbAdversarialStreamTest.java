package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What DuckDB's {@code registerArrowStream} does with the kit's adversarial streams beyond the
 * release counts the kit's rules check (it keeps them all): how it reads {@code get_last_error}, and
 * what an invalid batch does to the database. Each asserted as observed on driver 1.5.2.0, so a test
 * fails when DuckDB changes.
 */
class DuckDbAdversarialStreamTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private DuckDbSession duck;

  @BeforeEach
  void openDuckDb() throws SQLException {
    duck = DuckDbSession.openOrSkip();
  }

  @AfterEach
  void close() throws SQLException {
    duck.close();
    ledger.close();
    allocator.close();
  }

  /**
   * The driver calls get_last_error after every get_schema, whatever it returned
   * ({@code JavaArrowTabularStreamFactory::GetSchema}, duckdb-java {@code src/jni/duckdb_java.cpp}),
   * which the spec allows only after an error: the kit's stream counts those calls, and answers NULL.
   */
  @Test
  void driverAsksForTheLastErrorAfterEverySuccessfulGetSchema() throws SQLException {
    try (KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(1))) {
      duck.connection.registerArrowStream("kit", ArrowArrayStream.wrap(stream.address()));
      assertThat(count("SELECT count(*) FROM kit")).isEqualTo(100);

      assertThat(stream.lastErrorQueriesAfterSuccess()).isEqualTo(4); // one per get_schema: 3 binding, 1 scan
      assertThat(stream.releaseCalls()).isEqualTo(1);
      ledger.verifyExactlyOnce();
    }
  }

  /**
   * A get_next failing with get_last_error NULL (the spec allows it): DuckDB builds a std::string from
   * the NULL ({@code ArrowArrayStreamWrapper::GetNextChunk}, {@code string(GetError())}), so the
   * query fails with libstdc++'s complaint instead of the producer's errno; the stream and each batch
   * are still released once.
   */
  @Test
  void nullLastErrorBecomesABasicStringError() {
    try (KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(3).failingGetNext(1, null))) {
      duck.connection.registerArrowStream("kit", ArrowArrayStream.wrap(stream.address()));

      assertThatThrownBy(() -> count("SELECT count(*) FROM kit")).isInstanceOf(SQLException.class)
          .hasMessageContaining("basic_string: construction from null is not valid");
      assertThat(stream.releaseCalls()).isEqualTo(1);
      ledger.verifyExactlyOnce();
    }
  }

  /**
   * A batch of length -1 fails an internal assertion ("Information loss on integer cast"), which
   * invalidates the whole database: every later statement on it fails. Ownership holds: the stream
   * and each result are released once.
   */
  @Test
  void negativeLengthInvalidatesTheDatabase() {
    try (KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(2).with(InvalidBatch.NEGATIVE_LENGTH))) {
      duck.connection.registerArrowStream("kit", ArrowArrayStream.wrap(stream.address()));

      assertThatThrownBy(() -> count("SELECT count(*) FROM kit")).isInstanceOf(SQLException.class)
          .hasMessageContaining("INTERNAL Error: Information loss on integer cast: value -1 outside of target range");
      assertThatThrownBy(() -> count("SELECT 1")).hasMessageContaining("database has been invalidated");
      assertThat(stream.releaseCalls()).isEqualTo(1);
      ledger.verifyExactlyOnce();
    }
  }

  /**
   * An int32 column whose n_buffers says 1 is read without an error: DuckDB takes the layout from the
   * schema and reads buffers[1] regardless (here it exists, so the values come out right).
   */
  @Test
  void wrongBufferCountIsReadAsIfItWereRight() throws SQLException {
    try (KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(1).with(InvalidBatch.WRONG_BUFFER_COUNT))) {
      duck.connection.registerArrowStream("kit", ArrowArrayStream.wrap(stream.address()));

      assertThat(count("SELECT count(id) FROM kit")).isEqualTo(92); // 100 rows, every 13th id null
      ledger.verifyExactlyOnce();
    }
  }

  /**
   * A released column under a live batch is refused ({@code ArrowTableFunction::ArrowToDuckDB} checks
   * each column's release before reading it), and the batch is still released once through its parent.
   */
  @Test
  void releasedChildIsRefused() {
    try (KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(1).with(InvalidBatch.RELEASED_CHILD))) {
      duck.connection.registerArrowStream("kit", ArrowArrayStream.wrap(stream.address()));

      assertThatThrownBy(() -> count("SELECT count(*) FROM kit")).isInstanceOf(SQLException.class)
          .hasMessageContaining("arrow_scan: released array passed");
      assertThat(stream.releaseCalls()).isEqualTo(1);
      ledger.verifyExactlyOnce();
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = duck.connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
      results.next();
      return results.getLong(1);
    }
  }
}
