package dev.arrowownership.libraries.arrowcpp;

import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.conformance.CDataStreamProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.JniWrapper;
import org.apache.arrow.dataset.jni.NativeMemoryPool;

/** Arrow C++ in the stream roles the kit checks (the array producer is {@link ScannerProducer}). */
final class ArrowCppTargets {
  private static final String[] NO_PARTITIONS = new String[0];
  private static final String[] NO_NAMED_TABLES = new String[0];
  /** How long a write is given to release what it imported after it returned. */
  static final long RELEASE_GRACE_MS = 50;
  /** What a write that has not returned in time fails with. */
  static final String HANGS = "writeFromScannerToFile did not return in time, left blocked on a daemon thread";

  private ArrowCppTargets() {}

  /**
   * Acero as a stream producer: each call runs {@link ParquetFixture#readPlan()} and Arrow C++
   * exports the result ({@code arrow::ExportRecordBatchReader}) straight into the kit's struct.
   * Acero allocates from Arrow C++'s default pool, whose bytes are reported.
   */
  static CDataStreamProducer substraitStream(ParquetFixture parquet) {
    return new CDataStreamProducer() {
      @Override
      public void produce(long stream) {
        ArrowCppLibrary.executeSerializedPlan(parquet.readPlan(), NO_NAMED_TABLES, stream);
      }

      @Override
      public long allocatedBytes() {
        return NativeMemoryPool.getDefault().getBytesAllocated();
      }
    };
  }

  /**
   * A write may return before a worker thread has released the stream or a batch (about 1 ms later,
   * ArrowCppStreamConsumerTest): the grace lets the kit count that release.
   */
  static void awaitWorkerReleases() throws InterruptedException {
    Thread.sleep(RELEASE_GRACE_MS);
  }

  /**
   * The dataset writer as a stream consumer: {@code writeFromScannerToFile} imports the stream
   * ({@code arrow::ImportRecordBatchReader}, which moves it) and writes every batch to Parquet in a
   * new directory under {@code parent}. The write runs on a daemon thread: one that has not returned
   * within {@code patience} fails the hand-over (it is left blocked; a batch of length -1 does that,
   * see docs/conformance/arrow-cpp.md), so a hang is reported instead of stopping the check. A
   * write is given {@link #RELEASE_GRACE_MS} after it returned to release what it imported.
   */
  static CDataStreamConsumer parquetWriter(Path parent, Duration patience) {
    AtomicInteger writes = new AtomicInteger();
    return (stream, allocator) -> {
      int write = writes.getAndIncrement();
      String directory = parent.resolve("written-" + write).toUri().toString();
      FutureTask<Void> task = new FutureTask<>(() -> {
        JniWrapper.get().writeFromScannerToFile(stream, FileFormat.PARQUET.id(), directory, NO_PARTITIONS, 1,
            "part-{i}.parquet");
        return null;
      });
      Thread writer = new Thread(task, "arrow-cpp-parquet-writer-" + write);
      writer.setDaemon(true); // a write that never returns must not keep the JVM alive
      writer.start();
      try {
        task.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(HANGS + " (" + patience.toMillis() + " ms)", e);
      } catch (ExecutionException e) {
        awaitWorkerReleases();
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      awaitWorkerReleases();
      return () -> { };
    };
  }
}
