package dev.arrowownership.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * A new copy of a template batch in fresh memory, as a writer producing a new batch per cycle
 * would: a leak of it is a leak of real bytes, not of a reference to shared buffers.
 */
final class FreshBatch {
  private FreshBatch() {}

  /** Copies every buffer of {@code template} into {@code allocator}; the caller closes the root. */
  static VectorSchemaRoot copyOf(VectorSchemaRoot template, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(template.getSchema(), allocator);
    List<ArrowBuf> buffers = new ArrayList<>();
    try (ArrowRecordBatch shared = new VectorUnloader(template).getRecordBatch()) {
      for (ArrowBuf source : shared.getBuffers()) {
        ArrowBuf fresh = allocator.buffer(source.readableBytes());
        fresh.setBytes(0, source, 0, source.readableBytes());
        fresh.writerIndex(source.readableBytes());
        buffers.add(fresh);
      }
      try (ArrowRecordBatch batch = new ArrowRecordBatch(template.getRowCount(), shared.getNodes(), buffers)) {
        new VectorLoader(copy).load(batch); // the vectors retain the buffers; the batch drops its hold
      }
      return copy;
    } catch (RuntimeException | Error e) {
      copy.close();
      throw e;
    } finally {
      buffers.forEach(ArrowBuf::close); // our own reference; the loaded vectors keep theirs
    }
  }

  /** The bytes of data in {@code root}'s buffers. */
  static long bytes(VectorSchemaRoot root) {
    try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
      return batch.getBuffers().stream().mapToLong(ArrowBuf::readableBytes).sum();
    }
  }
}
