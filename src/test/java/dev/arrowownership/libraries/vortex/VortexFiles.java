package dev.arrowownership.libraries.vortex;

import dev.arrowownership.libraries.GeneratedStream;
import dev.vortex.api.Session;
import dev.vortex.jni.NativeWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Vortex files written from the kit's generated batches, for the tests that read them back. */
final class VortexFiles {
  private VortexFiles() {}

  /**
   * Writes {@code batches} generated batches of {@code rows} rows each to the Vortex file {@code file}
   * and returns its URI. Written through {@code NativeWriter} (which borrows the schema and moves each
   * array), not {@code VortexWriter.create}, which never releases the schema it exports ({@link
   * VortexWriterSchemaLeakTest}).
   */
  static String write(Session session, BufferAllocator allocator, Path file, int batches, int rows) throws IOException {
    String uri = file.toUri().toString();
    GeneratedStream generated = GeneratedStream.of(allocator, batches, rows);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(generated.ipc()), allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      Data.exportSchema(allocator, reader.getVectorSchemaRoot().getSchema(), reader, schema);
      long writer = NativeWriter.create(session.nativePointer(), uri, schema.memoryAddress(), Map.of());
      schema.release(); // NativeWriter.create borrows it
      try {
        while (reader.loadNextBatch()) {
          try (ArrowArray array = ArrowArray.allocateNew(allocator); ArrowSchema batchSchema = ArrowSchema.allocateNew(allocator)) {
            Data.exportVectorSchemaRoot(allocator, reader.getVectorSchemaRoot(), reader, array, batchSchema);
            boolean written = NativeWriter.writeBatch(writer, array.memoryAddress(), batchSchema.memoryAddress());
            batchSchema.release(); // writeBatch borrows the schema and moves the array
            if (!written) {
              throw new IOException("Vortex refused a batch of " + file);
            }
          }
        }
      } finally {
        NativeWriter.close(writer);
      }
    }
    return uri;
  }
}
