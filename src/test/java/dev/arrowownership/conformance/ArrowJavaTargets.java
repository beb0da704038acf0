package dev.arrowownership.conformance;

import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Arrow Java's importer as a kit target: the conforming baseline the consumer self-tests start from. */
final class ArrowJavaTargets {
  private ArrowJavaTargets() {}

  /**
   * Imports into a root; closing the result closes the root and the dictionaries. On failure it
   * releases whatever the importer left live in the caller's structs (the careful caller's part).
   */
  static AutoCloseable importBatch(long array, long schema, BufferAllocator allocator) {
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    try {
      VectorSchemaRoot root = Data.importVectorSchemaRoot(allocator, ArrowArray.wrap(array), ArrowSchema.wrap(schema), dictionaries);
      return () -> {
        try (dictionaries; root) {
          root.contentToTSVString(); // reads every buffer
        }
      };
    } catch (RuntimeException | Error e) {
      dictionaries.close();
      ArrowArray.wrap(array).release(); // no-op once the importer moved it (release == NULL)
      ArrowSchema.wrap(schema).release();
      throw e;
    }
  }
}
