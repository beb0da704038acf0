package dev.arrowownership.libraries;

import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.conformance.CDataStreamProducer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;

/** DuckDB's JDBC driver in the roles the kit checks. */
final class DuckDbTargets {
  private DuckDbTargets() {}

  /**
   * DuckDB's Arrow export as a producer: each call runs {@link DuckDbSession#QUERY} for {@code rows}
   * rows and hands over the schema and the first batch of DuckDB's native stream, then releases the
   * stream (the spec lets results outlive their stream). The stream is moved into {@code structs}
   * first, as a consumer would, so the release never touches the memory it frees.
   */
  static CDataProducer producer(DuckDbSession duck, StructMemory structs, long rows) {
    return producer(structs, () -> duck.exportStream(rows, rows));
  }

  /** The same for any query: {@code export} runs it and returns DuckDB's native stream over its result. */
  static CDataProducer producer(StructMemory structs, StreamExport export) {
    return (array, schema) -> {
      ArrowArrayStream stream = structs.moveStream(export.exportStream());
      try {
        stream.getSchema(ArrowSchema.wrap(schema));
        stream.getNext(ArrowArray.wrap(array));
      } finally {
        stream.release();
      }
    };
  }

  /**
   * DuckDB's Arrow export as a stream producer: each call runs {@link DuckDbSession#QUERY} for {@code
   * rows} rows in batches of {@code batchSize} and moves DuckDB's native stream (bitwise copy, source
   * marked released) into the kit's struct. DuckDB allocates the stream struct itself and is never
   * handed one: the move is this adapter's, so the rules about the struct handed in do not apply.
   */
  static CDataStreamProducer streamProducer(DuckDbSession duck, long rows, long batchSize) {
    return address -> {
      ArrowArrayStream source = ArrowArrayStream.wrap(duck.exportStream(rows, batchSize));
      ArrowArrayStream.wrap(address).save(source.snapshot());
      source.markReleased();
    };
  }

  /**
   * DuckDB's {@code registerArrowStream} as a stream consumer, in a new in-memory database for each
   * stream (an invalid batch can invalidate a whole database): registers the stream as a view and
   * scans it to the end with {@code SELECT count(*)}; the scan is what takes the stream over.
   * Registering only borrows it (as observed: a stream registered and never scanned is not released),
   * so a stream still live in the caller's struct when DuckDB is done, because registering or the
   * scan failed before taking it, is the caller's to release: this adapter does, as a careful caller.
   */
  static CDataStreamConsumer streamConsumer() {
    return streamConsumer("SELECT count(*) FROM kit_stream");
  }

  /** The same, scanning the stream (registered as {@code kit_stream}) with {@code query} instead. */
  static CDataStreamConsumer streamConsumer(String query) {
    return (stream, allocator) -> {
      DuckDbSession duck = DuckDbSession.open();
      try {
        duck.connection.registerArrowStream("kit_stream", ArrowArrayStream.wrap(stream));
        try (Statement statement = duck.connection.createStatement();
            ResultSet results = statement.executeQuery(query)) {
          results.next();
        }
      } catch (SQLException | RuntimeException e) {
        releaseIfNotTaken(stream);
        duck.close();
        throw e;
      }
      return duck::close;
    };
  }

  /** Runs a query and returns the address of DuckDB's native stream over its result; the caller owns it. */
  @FunctionalInterface
  interface StreamExport {
    long exportStream() throws SQLException;
  }

  /** Releases the stream if DuckDB never moved it out of the caller's struct. */
  private static void releaseIfNotTaken(long stream) {
    if (StreamField.RELEASE.get(stream) != 0) {
      ArrowArrayStream.wrap(stream).release();
    }
  }
}
