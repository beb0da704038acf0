package dev.arrowownership.libraries;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.jar.JarFile;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Assumptions;

/**
 * An in-memory DuckDB database and the query the conformance tests export: a column of each kind
 * that gives the Arrow struct children (struct, list, string) and a dictionary (an ENUM).
 */
final class DuckDbSession implements AutoCloseable {
  /** The columns, in the export's order, for {@code rows} rows. */
  static final String QUERY = "SELECT i AS id, 'name-' || i AS name, {'x': i % 1000, 'label': 'p' || i} AS point,"
      + " range(i % 4) AS tags, (['red', 'green', 'blue'])[i % 3 + 1]::color AS color FROM range(?) t(i)";

  final DuckDBConnection connection;

  private DuckDbSession(DuckDBConnection connection) {
    this.connection = connection;
  }

  /**
   * Opens a new in-memory database, or skips the calling test, naming the reason, when DuckDB's
   * bundled native library does not load on this platform.
   */
  static DuckDbSession openOrSkip() throws SQLException {
    return openOrSkip(new Properties());
  }

  /**
   * Opens a new in-memory database whose queries stream their results ({@code jdbc_stream_results}):
   * a query runs as its result is fetched, so an error part way surfaces in {@code get_next}. Skips
   * the calling test as {@link #openOrSkip()} does.
   */
  static DuckDbSession openStreamingOrSkip() throws SQLException {
    Properties streaming = new Properties();
    streaming.setProperty("jdbc_stream_results", "true");
    return openOrSkip(streaming);
  }

  private static DuckDbSession openOrSkip(Properties properties) throws SQLException {
    try {
      return open(properties);
    } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
      Assumptions.abort("DuckDB's native library does not load here: " + e);
      throw new AssertionError(e); // unreachable: abort throws
    }
  }

  /** Opens a new in-memory database with the {@code color} ENUM type. */
  static DuckDbSession open() throws SQLException {
    return open(new Properties());
  }

  private static DuckDbSession open(Properties properties) throws SQLException {
    DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TYPE color AS ENUM ('red', 'green', 'blue')");
      return new DuckDbSession(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The driver and DuckDB versions, e.g. {@code duckdb_jdbc 1.5.2.0 (DuckDB v1.5.2)}, as reports name them. */
  String versions() throws SQLException {
    return "duckdb_jdbc " + driverVersion() + " (DuckDB " + queryString("SELECT version()") + ")";
  }

  /** The driver jar's {@code Bundle-Version}. */
  private static String driverVersion() {
    try (JarFile jar = new JarFile(new File(DuckDBConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
      return jar.getManifest().getMainAttributes().getValue("Bundle-Version");
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "(unknown version: " + e + ")";
    }
  }

  /** Runs {@link #QUERY} and returns the address of DuckDB's native stream over it; the caller owns it. */
  long exportStream(long rows, long batchSize) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
      statement.setLong(1, rows);
      try (ResultSet results = statement.executeQuery()) {
        return DuckDbNativeStream.export(connection, results, batchSize);
      }
    }
  }

  /**
   * Runs {@code sql} and returns the address of DuckDB's native stream over its result, in batches of
   * {@code batchSize} rows; the caller owns the stream. For a session of {@link #openOrSkip()}, whose
   * results are materialized: a streaming session's query needs {@link #exportOpenStream}.
   */
  long exportStream(String sql, long batchSize) throws SQLException {
    try (OpenStream query = exportOpenStream(sql, batchSize)) {
      return query.address();
    }
  }

  /**
   * Runs {@code sql} and returns DuckDB's native stream over its result with the statement and result
   * set that produced it, still open: with streaming results ({@link #openStreamingOrSkip()}) the query
   * runs as the stream is read, and closing its statement interrupts it ("INTERRUPT Error:
   * Interrupted!"), so they are closed only after the stream is done with.
   */
  OpenStream exportOpenStream(String sql, long batchSize) throws SQLException {
    Statement statement = connection.createStatement();
    try {
      ResultSet results = statement.executeQuery(sql);
      return new OpenStream(statement, results, DuckDbNativeStream.export(connection, results, batchSize));
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** A native stream's address and the statement and result set it reads from; closing closes those two. */
  record OpenStream(Statement statement, ResultSet results, long address) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      try (statement) {
        results.close();
      }
    }
  }

  /** The single value {@code sql} returns, as a string. */
  String queryString(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
      results.next();
      return results.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
