package dev.arrowownership.libraries.lance;

import com.lancedb.lance.Dataset;
import com.lancedb.lance.WriteParams;
import dev.arrowownership.libraries.GeneratedStream;
import java.nio.file.Path;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;

/** Lance datasets written from the kit's generated batches, for the tests that read them back. */
final class LanceDatasets {
  private LanceDatasets() {}

  /**
   * Writes {@code batches} generated batches of {@code rows} rows each as a new dataset in {@code
   * directory} through {@code Dataset.create}, which moves the exported stream; the caller closes the
   * dataset.
   */
  static Dataset write(BufferAllocator allocator, Path directory, int batches, int rows) {
    GeneratedStream generated = GeneratedStream.of(allocator, batches, rows);
    try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      generated.exportTo(allocator, stream);
      return Dataset.create(allocator, stream, directory.toString(), new WriteParams.Builder().build());
    }
  }
}
