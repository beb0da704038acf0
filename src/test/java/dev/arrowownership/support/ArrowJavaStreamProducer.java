package dev.arrowownership.support;

import dev.arrowownership.conformance.FaultInjector;
import dev.arrowownership.generate.GeneratedBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Arrow Java 19.0.0's {@code Data.exportArrayStream} over an {@code ArrowStreamReader} as a stream
 * producer under test: each stream yields generated batches of different values (children and a
 * dictionary in each), read from Arrow IPC bytes. Everything it allocates comes from a child
 * allocator of its own, which reports {@code allocatedBytes()} and whose allocations the kit makes
 * fail through a {@link FaultInjector}.
 */
public final class ArrowJavaStreamProducer extends FaultInjectedStreamProducer {
  private final byte[] ipc;

  private ArrowJavaStreamProducer(BufferAllocator parent, int batches, int rows) {
    super(injector -> parent.newChildAllocator("stream-producer", injector, 0, Long.MAX_VALUE));
    this.ipc = ipc(allocator(), batches, rows);
  }

  /** A producer of streams of {@code batches} batches of {@code rows} rows, allocating under {@code parent}. */
  public static ArrowJavaStreamProducer of(BufferAllocator parent, int batches, int rows) {
    return new ArrowJavaStreamProducer(parent, batches, rows);
  }

  @Override
  public void produce(long streamAddress) {
    Data.exportArrayStream(allocator(), new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator()),
        ArrowArrayStream.wrap(streamAddress));
  }

  /** Batch i has seed i; the color palette, and so the dictionary written once at the start, is the same in all. */
  private static byte[] ipc(BufferAllocator allocator, int batches, int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeneratedBatch first = GeneratedBatch.create(allocator, rows, 0);
        ArrowStreamWriter writer = new ArrowStreamWriter(first.root(), first.dictionaries(), Channels.newChannel(out))) {
      writer.start();
      VectorLoader loader = new VectorLoader(first.root());
      for (int i = 0; i < batches; i++) {
        try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, i);
            ArrowRecordBatch values = new VectorUnloader(batch.root()).getRecordBatch()) {
          loader.load(values);
        }
        writer.writeBatch();
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
