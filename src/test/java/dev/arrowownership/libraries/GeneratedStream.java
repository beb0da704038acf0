package dev.arrowownership.libraries;

import dev.arrowownership.generate.GeneratedBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * A stream of generated batches (children and a dictionary in each) exported by Arrow Java's
 * {@code Data.exportArrayStream}: the producer side when a consumer of streams is under test.
 *
 * @param ipc the batches in Arrow IPC stream format
 * @param batches how many batches the stream yields
 * @param rows rows per batch
 */
public record GeneratedStream(byte[] ipc, int batches, int rows) {

  /** {@code batches} batches of {@code rows} rows each, built with {@code allocator} and freed again. */
  public static GeneratedStream of(BufferAllocator allocator, int batches, int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, 7);
        ArrowStreamWriter writer = new ArrowStreamWriter(batch.root(), batch.dictionaries(), Channels.newChannel(out))) {
      writer.start();
      for (int i = 0; i < batches; i++) {
        writer.writeBatch();
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GeneratedStream(out.toByteArray(), batches, rows);
  }

  /** Exports the batches into the released {@code stream}; releasing the stream frees the reader. */
  public void exportTo(BufferAllocator allocator, ArrowArrayStream stream) {
    Data.exportArrayStream(allocator, new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator), stream);
  }

  /** Rows in the whole stream. */
  public long totalRows() {
    return (long) batches * rows;
  }
}
