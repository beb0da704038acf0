package dev.arrowownership.libraries.lance;

import com.lancedb.lance.Dataset;
import com.lancedb.lance.WriteParams;
import com.lancedb.lance.ipc.LanceScanner;
import com.lancedb.lance.ipc.ScanOptions;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.conformance.CDataStreamProducer;
import dev.arrowownership.libraries.StructMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;

/**
 * Lance (arrow-rs behind JNI) in the roles the kit checks. Every scanner opened is kept until
 * {@link #close()}, so a stream is never outlived by the scanner it reads, whatever Lance's stream
 * holds of it.
 */
final class LanceTargets implements AutoCloseable {
  private final List<LanceScanner> scanners = new ArrayList<>();

  /**
   * {@code Dataset.create(allocator, stream, path, params)} as a stream consumer: each stream becomes a
   * new dataset in {@code directory}; the dataset is the result, closed by the kit. Lance moves the
   * stream out of the caller's struct (arrow-rs {@code FFI_ArrowArrayStream::from_raw}) before reading
   * it; a stream still live there after a failure was never taken, and is the caller's to release:
   * this adapter does, as a careful caller. Lance aborts the process on a NULL {@code get_last_error}
   * and on some invalid batches, so the adapter puts {@link CarefulStream} in between.
   */
  static CDataStreamConsumer streamConsumer(Path directory) {
    AtomicInteger datasets = new AtomicInteger();
    return (stream, allocator) -> {
      String path = directory.resolve("dataset-" + datasets.getAndIncrement()).toString();
      try (CarefulStream.Guarded guarded = CarefulStream.install(stream)) {
        return Dataset.create(allocator, ArrowArrayStream.wrap(stream), path, new WriteParams.Builder().build());
      } catch (RuntimeException e) {
        if (StreamField.RELEASE.get(stream) != 0) {
          ArrowArrayStream.wrap(stream).release();
        }
        throw e;
      }
    };
  }

  /**
   * A scan of {@code dataset} in batches of {@code batchSize} as a stream producer: each call opens a new
   * scanner and has its private native {@code openStream} fill the kit's struct.
   */
  CDataStreamProducer streamProducer(Dataset dataset, long batchSize) {
    return address -> LanceNatives.openStream(newScanner(dataset, batchSize), address);
  }

  /**
   * Lance as a producer of a schema and an array: the schema from the dataset's private native {@code
   * importFfiSchema} (the schema producer), the array the first batch of a new scan's stream, which is
   * released at once (the spec lets results outlive their stream). The stream is filled into {@code
   * structs}, memory the test owns.
   */
  CDataProducer producer(Dataset dataset, StructMemory structs, long batchSize) {
    return (array, schema) -> {
      LanceNatives.exportSchema(dataset, schema);
      ArrowArrayStream stream = structs.stream();
      LanceNatives.openStream(newScanner(dataset, batchSize), stream.memoryAddress());
      try {
        stream.getNext(ArrowArray.wrap(array)); // throws IOException naming the error code and message
      } finally {
        stream.release();
      }
    };
  }

  private LanceScanner newScanner(Dataset dataset, long batchSize) {
    LanceScanner scanner = dataset.newScan(new ScanOptions.Builder().batchSize(batchSize).build());
    synchronized (scanners) {
      scanners.add(scanner);
    }
    return scanner;
  }

  @Override
  public void close() throws Exception {
    synchronized (scanners) {
      for (LanceScanner scanner : scanners) {
        scanner.close();
      }
      scanners.clear();
    }
  }
}
