package dev.arrowownership.libraries.vortex;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.CDataStreamProducer;
import dev.arrowownership.libraries.StructMemory;
import dev.vortex.api.DataSource;
import dev.vortex.api.Scan;
import dev.vortex.api.ScanOptions;
import dev.vortex.api.Session;
import dev.vortex.jni.NativeDataSource;
import dev.vortex.jni.NativePartition;
import dev.vortex.jni.NativeScan;
import dev.vortex.jni.NativeWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;

/** Vortex (arrow-rs behind JNI) in the roles the kit checks. */
final class VortexTargets {
  /** Where a producer's schema comes from: the data source's or the scan's {@code arrowSchema}. */
  enum SchemaSource {
    DATA_SOURCE, SCAN
  }

  private VortexTargets() {}

  /**
   * {@code NativeWriter.writeBatch(writer, array, schema)} as a consumer: each batch goes into a new
   * file in {@code directory}, its writer created by {@code NativeWriter.create} from the batch's own
   * schema; the result closes the writer. Both calls borrow the schema and {@code writeBatch} moves the
   * array (arrow-rs {@code from_ffi} takes the array by value, the schema by reference), so the schema
   * is the caller's to release after the calls: this adapter does, as a careful caller, and releases an
   * array Vortex never took when a call fails.
   */
  static CDataConsumer consumer(Session session, Path directory) {
    AtomicInteger files = new AtomicInteger();
    return (array, schema, allocator) -> {
      String uri = directory.resolve("batch-" + files.getAndIncrement() + ".vortex").toUri().toString();
      long writer = 0;
      try {
        writer = NativeWriter.create(session.nativePointer(), uri, schema, Map.of());
        if (!NativeWriter.writeBatch(writer, array, schema)) {
          throw new IllegalStateException("NativeWriter.writeBatch returned false for " + uri);
        }
        long written = writer;
        return () -> NativeWriter.close(written);
      } catch (RuntimeException | Error e) {
        if (writer != 0) {
          NativeWriter.close(writer);
        }
        releaseIfLive(StructKind.ARRAY, array);
        throw e;
      } finally {
        releaseIfLive(StructKind.SCHEMA, schema);
      }
    };
  }

  /**
   * A scan of the Vortex file at {@code uri} as a stream producer: each call opens the file, scans it
   * and has {@code NativePartition.scanArrow} fill the kit's struct with the stream of its first partition.
   */
  static CDataStreamProducer streamProducer(Session session, String uri) {
    return address -> openStream(session, uri, address);
  }

  /**
   * Vortex as a producer of a schema and an array: the schema from {@code NativeDataSource.arrowSchema}
   * or {@code NativeScan.arrowSchema} (the schema producers), the array the first batch of a new scan's
   * stream, which is released at once (the spec lets results outlive their stream). The stream is
   * filled into {@code structs}, memory the test owns.
   */
  static CDataProducer producer(Session session, String uri, SchemaSource source, StructMemory structs) {
    return (array, schema) -> {
      DataSource dataSource = DataSource.open(session, uri);
      Scan scan = dataSource.scan(ScanOptions.of());
      if (source == SchemaSource.DATA_SOURCE) {
        NativeDataSource.arrowSchema(VortexNatives.pointer(dataSource), schema);
      } else {
        NativeScan.arrowSchema(VortexNatives.pointer(scan), schema);
      }
      ArrowArrayStream stream = structs.stream();
      NativePartition.scanArrow(session.nativePointer(), VortexNatives.consume(scan.next()), stream.memoryAddress());
      try {
        stream.getNext(ArrowArray.wrap(array)); // throws IOException naming the error code and message
      } finally {
        stream.release();
      }
    };
  }

  private static void openStream(Session session, String uri, long address) {
    Scan scan = DataSource.open(session, uri).scan(ScanOptions.of());
    NativePartition.scanArrow(session.nativePointer(), VortexNatives.consume(scan.next()), address);
  }

  private static void releaseIfLive(StructKind kind, long address) {
    if (kind.isLive(address)) {
      if (kind == StructKind.ARRAY) {
        ArrowArray.wrap(address).release();
      } else {
        ArrowSchema.wrap(address).release();
      }
    }
  }
}
