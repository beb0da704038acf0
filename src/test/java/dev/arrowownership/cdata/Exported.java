package dev.arrowownership.cdata;

import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/** A vector or root exported by Arrow Java into C structs; closing releases and frees both. */
final class Exported implements AutoCloseable {
  final ArrowArray array;
  final ArrowSchema schema;

  private Exported(BufferAllocator allocator) {
    array = ArrowArray.allocateNew(allocator);
    schema = ArrowSchema.allocateNew(allocator);
  }

  static Exported vector(BufferAllocator allocator, FieldVector vector) {
    return vector(allocator, vector, null);
  }

  static Exported vector(BufferAllocator allocator, FieldVector vector, DictionaryProvider dictionaries) {
    Exported exported = new Exported(allocator);
    Data.exportVector(allocator, vector, dictionaries, exported.array, exported.schema);
    return exported;
  }

  static Exported root(BufferAllocator allocator, VectorSchemaRoot root) {
    Exported exported = new Exported(allocator);
    Data.exportVectorSchemaRoot(allocator, root, null, exported.array, exported.schema);
    return exported;
  }

  /** The export's addresses read back by the reader. */
  ArrayNode read() {
    return CDataReader.read(array.memoryAddress(), schema.memoryAddress());
  }

  /** The digest of {@code vector} as exported. */
  static String digest(BufferAllocator allocator, FieldVector vector) {
    return digest(allocator, vector, null);
  }

  static String digest(BufferAllocator allocator, FieldVector vector, DictionaryProvider dictionaries) {
    try (Exported exported = vector(allocator, vector, dictionaries)) {
      return exported.read().digest();
    }
  }

  @Override
  public void close() {
    array.release();
    schema.release();
    array.close();
    schema.close();
  }
}
