package dev.arrowownership.libraries.arrowcpp;

import dev.arrowownership.conformance.AllocationFaults;
import dev.arrowownership.conformance.CDataProducer;
import java.util.Optional;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.JniWrapper;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.jni.NativeScanner;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.dataset.source.DatasetFactory;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Arrow C++'s dataset scanner as a producer: each call scans the Parquet file anew and has Arrow C++
 * export its first batch ({@code arrow::ExportRecordBatch}, a struct array with a child per column)
 * into the kit's array through {@code JniWrapper.nextRecordBatch}. The scanner gives its schema only
 * as IPC bytes, so the schema half is exported by Arrow Java ({@code Data.exportSchema}), whose own
 * verdict is in docs/conformance/arrow-java.md: every array struct is Arrow C++'s, the schema structs
 * are Arrow Java's.
 *
 * <p>The scan allocates from a listenable pool of its own, so its bytes are counted ({@link
 * #allocatedBytes}) and its reservations can be refused ({@link #faults}).
 */
final class ScannerProducer implements CDataProducer, AutoCloseable {
  private final BufferAllocator allocator;
  private final ParquetFixture parquet;
  private final long batchRows;
  private final FailingReservations reservations = new FailingReservations();
  private final NativeMemoryPool pool = NativeMemoryPool.createListenable(reservations);

  /** Scans {@code parquet} in batches of {@code batchRows} rows; {@code allocator} serves Arrow Java's side. */
  ScannerProducer(BufferAllocator allocator, ParquetFixture parquet, long batchRows) {
    this.allocator = allocator;
    this.parquet = parquet;
    this.batchRows = batchRows;
  }

  @Override
  public void produce(long array, long schema) throws Exception {
    try (DatasetFactory factory = new FileSystemDatasetFactory(allocator, pool, FileFormat.PARQUET, parquet.directory());
        Dataset dataset = factory.finish();
        NativeScanner scanner = (NativeScanner) dataset.newScan(new ScanOptions(batchRows))) {
      if (!JniWrapper.get().nextRecordBatch(ArrowCppLibrary.scannerId(scanner), array)) {
        throw new IllegalStateException("Arrow C++'s scan of " + parquet.file() + " yielded no batch");
      }
      Data.exportSchema(allocator, scanner.schema(), null, ArrowSchema.wrap(schema));
    }
  }

  /**
   * The scan's native pool, once settled, and Arrow Java's allocator together. Settled: Arrow C++
   * frees some of a finished scan's memory on its own threads after the release returned (a fresh
   * run once read 64 bytes more after a plain release and 64 fewer after the next one), so a count
   * taken at once can differ from the one a moment later by a scan's leftovers.
   */
  @Override
  public long allocatedBytes() {
    return ArrowCppLibrary.settled(pool::getBytesAllocated) + allocator.getAllocatedMemory();
  }

  @Override
  public Optional<AllocationFaults> faults() {
    return Optional.of(reservations);
  }

  /** Frees the native pool. */
  @Override
  public void close() throws Exception {
    pool.close();
  }
}
