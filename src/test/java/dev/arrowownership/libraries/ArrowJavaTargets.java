package dev.arrowownership.libraries;

import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.support.ArrowJavaProducers;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;

/** Arrow Java 19.0.0's C Data importers in the roles the kit checks (its exporters: {@link ArrowJavaProducers}). */
final class ArrowJavaTargets {
  private ArrowJavaTargets() {}

  /** {@code Data.importVectorSchemaRoot}; the result closes the root and the dictionaries. */
  static AutoCloseable importRoot(BufferAllocator allocator, ArrowArray array, ArrowSchema schema) {
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    try {
      return closingBoth(Data.importVectorSchemaRoot(allocator, array, schema, dictionaries), dictionaries);
    } catch (RuntimeException | Error e) {
      dictionaries.close();
      throw e;
    }
  }

  /** {@code Data.importField}, then {@code Data.importIntoVector} into a vector made for the field. */
  static AutoCloseable importIntoVector(BufferAllocator allocator, ArrowArray array, ArrowSchema schema) {
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    FieldVector vector = null;
    try {
      Field field = Data.importField(allocator, schema, dictionaries);
      vector = field.createVector(allocator);
      Data.importIntoVector(allocator, array, vector, dictionaries);
      return closingBoth(vector, dictionaries);
    } catch (RuntimeException | Error e) {
      if (vector != null) {
        vector.close();
      }
      dictionaries.close();
      throw e;
    }
  }

  /**
   * {@code Data.importVector}: the field and the vector in one call; the result closes the vector and
   * the dictionaries. The vector it made is the importer's to close if the import fails: the caller
   * never sees it.
   */
  static AutoCloseable importVector(BufferAllocator allocator, ArrowArray array, ArrowSchema schema) {
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    try {
      return closingBoth(Data.importVector(allocator, array, schema, dictionaries), dictionaries);
    } catch (RuntimeException | Error e) {
      dictionaries.close();
      throw e;
    }
  }

  /** An import as a kit consumer: the kit's addresses wrapped as Arrow Java structs. */
  static CDataConsumer consumer(BatchImport imports) {
    return (array, schema, allocator) -> imports.importBatch(allocator, ArrowArray.wrap(array), ArrowSchema.wrap(schema));
  }

  /** {@code Data.importArrayStream} read to its end; closing the reader releases the stream. */
  static CDataStreamConsumer streamImport() {
    return (stream, allocator) -> {
      ArrowReader reader = Data.importArrayStream(allocator, ArrowArrayStream.wrap(stream));
      try {
        while (reader.loadNextBatch()) {
          reader.getVectorSchemaRoot().contentToTSVString(); // reads every buffer
        }
        return reader;
      } catch (Exception | Error e) {
        reader.close();
        throw e;
      }
    };
  }

  private static AutoCloseable closingBoth(AutoCloseable imported, CDataDictionaryProvider dictionaries) {
    return () -> {
      try (dictionaries; imported) {
        // closes the import first, then its dictionaries
      }
    };
  }
}
