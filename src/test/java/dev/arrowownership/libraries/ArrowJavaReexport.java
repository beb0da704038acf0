package dev.arrowownership.libraries;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.NativeLayoutWriter;
import java.util.Optional;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow Java 19.0.0 as a second producer of the kit's generated layouts: it imports a batch the
 * kit's native writer wrote and exports what it built again, a record batch through {@code
 * Data.importVectorSchemaRoot}/{@code Data.exportVectorSchemaRoot} and any other array through
 * {@code Data.importVector}/{@code Data.exportVector}. A layout Arrow Java cannot import it cannot
 * build this way: {@link #importError} says why, in Arrow Java's own words.
 */
final class ArrowJavaReexport {
  private ArrowJavaReexport() {}

  /** The exporter a batch goes through. */
  enum Exporter {
    VECTOR("Data.exportVector"),
    ROOT("Data.exportVectorSchemaRoot");

    private final String call;

    Exporter(String call) {
      this.call = call;
    }

    /** The exporter of {@code batch}: a record batch (a non-nullable, unnamed struct) goes through the root. */
    static Exporter of(LayoutBatch batch) {
      boolean recordBatch = batch.layout().kind() == TypeKind.STRUCT && !batch.layout().nullable()
          && batch.layout().name().isEmpty();
      return recordBatch ? ROOT : VECTOR;
    }

    @Override
    public String toString() {
      return call;
    }
  }

  /**
   * Why Arrow Java cannot import {@code batch} for its exporter, or empty when it can. The probe
   * imports in the two steps {@code importVector} and {@code importVectorSchemaRoot} take, closing
   * the vector or root it made when loading fails: they do not (finding 4), and the moved array
   * would never be released. The error is the same.
   */
  static Optional<String> importError(BufferAllocator allocator, LayoutBatch batch) {
    try (BufferAllocator child = allocator.newChildAllocator("probe", 0, Long.MAX_VALUE);
        ArrowArray array = ArrowArray.allocateNew(child); ArrowSchema schema = ArrowSchema.allocateNew(child);
        CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
      NativeLayoutWriter.write(batch, child, array.memoryAddress(), schema.memoryAddress());
      try {
        if (Exporter.of(batch) == Exporter.ROOT) {
          Schema imported = Data.importSchema(child, ArrowSchema.wrap(schema.memoryAddress()), dictionaries);
          try (VectorSchemaRoot root = VectorSchemaRoot.create(imported, child)) {
            Data.importIntoVectorSchemaRoot(child, ArrowArray.wrap(array.memoryAddress()), root, dictionaries);
          }
        } else {
          Field imported = Data.importField(child, ArrowSchema.wrap(schema.memoryAddress()), dictionaries);
          try (FieldVector vector = imported.createVector(child)) {
            Data.importIntoVector(child, ArrowArray.wrap(array.memoryAddress()), vector, dictionaries);
          }
        }
        return Optional.empty();
      } catch (RuntimeException e) {
        array.release(); // skipped when the importer moved it: closing its vector or root released it
        schema.release(); // skipped: importSchema and importField release it, failing or not
        return Optional.of(e.toString());
      }
    }
  }

  /**
   * A producer that, on each call, imports {@code batch} with Arrow Java and exports what it built into
   * the kit's structs; its memory is {@code allocator}'s.
   */
  static CDataProducer producer(BufferAllocator allocator, LayoutBatch batch) {
    return new CDataProducer() {
      @Override
      public void produce(long array, long schema) throws Exception {
        try (ArrowArray source = ArrowArray.allocateNew(allocator); ArrowSchema sourceSchema = ArrowSchema.allocateNew(allocator);
            CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
          NativeLayoutWriter.write(batch, allocator, source.memoryAddress(), sourceSchema.memoryAddress());
          try (AutoCloseable imported = importBatch(allocator, batch, source.memoryAddress(), sourceSchema.memoryAddress(),
              dictionaries)) {
            exportBatch(allocator, imported, dictionaries, ArrowArray.wrap(array), ArrowSchema.wrap(schema));
          }
        }
      }

      @Override
      public long allocatedBytes() {
        return allocator.getAllocatedMemory();
      }
    };
  }

  /**
   * Imports the structs at the two addresses through wrappers: Arrow Java closes the structs it is
   * given, and the kit's own stay open for the release that follows a refusal.
   */
  private static AutoCloseable importBatch(BufferAllocator allocator, LayoutBatch batch, long array, long schema,
      CDataDictionaryProvider dictionaries) {
    return Exporter.of(batch) == Exporter.ROOT
        ? Data.importVectorSchemaRoot(allocator, ArrowArray.wrap(array), ArrowSchema.wrap(schema), dictionaries)
        : Data.importVector(allocator, ArrowArray.wrap(array), ArrowSchema.wrap(schema), dictionaries);
  }

  private static void exportBatch(BufferAllocator allocator, AutoCloseable imported, CDataDictionaryProvider dictionaries,
      ArrowArray array, ArrowSchema schema) {
    if (imported instanceof VectorSchemaRoot root) {
      Data.exportVectorSchemaRoot(allocator, root, dictionaries, array, schema);
    } else {
      Data.exportVector(allocator, (FieldVector) imported, dictionaries, array, schema);
    }
  }
}
