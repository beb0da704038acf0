package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.NativeLayoutWriter;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow Java 19.0.0 imports a union the kit writes and exports it again as a batch that is not valid
 * C Data (asserted as observed, so these flip when upstream changes; docs/conformance/arrow-java.md,
 * "Over every layout family"). Every struct is still released once: the break is in the content.
 */
class ArrowJavaUnionExportTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  /** apache/arrow-java#1308: the schema's type ids become minor-type ordinals, the type-id buffer keeps 0 and 1. */
  @Test
  void sparseUnionTypeIdsRewritten() {
    assertThatThrownBy(() -> reexportAndRead(FamilyBatches.topLevel().get(TypeKind.SPARSE_UNION))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type id 1 of slot 0 is not one of the format's [4, 24]");
  }

  /** The utf8 view member of a dense union is exported with 2 buffers, no variadic sizes buffer. */
  @Test
  void denseUnionViewChildExportedWithTwoBuffers() {
    assertThatThrownBy(() -> reexportAndRead(FamilyBatches.topLevel().get(TypeKind.DENSE_UNION))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n_buffers is 2, format 'vu' (utf8 view) needs at least 3");
  }

  /** Writes {@code batch} (the family's tour batch, 5 rows at offset 1) with the kit, imports it with {@code Data.importVector}, exports it with {@code Data.exportVector}, reads the export. */
  private void reexportAndRead(LayoutBatch batch) {
    try (ArrowArray source = ArrowArray.allocateNew(allocator); ArrowSchema sourceSchema = ArrowSchema.allocateNew(allocator);
        ArrowArray out = ArrowArray.allocateNew(allocator); ArrowSchema outSchema = ArrowSchema.allocateNew(allocator);
        CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
      NativeLayoutWriter.write(batch, allocator, source.memoryAddress(), sourceSchema.memoryAddress());
      try (FieldVector vector = Data.importVector(allocator, source, sourceSchema, dictionaries)) {
        Data.exportVector(allocator, vector, dictionaries, out, outSchema);
      }
      try {
        CDataReader.read(out.memoryAddress(), outSchema.memoryAddress()).digest(); // reads every buffer, as the kit's rule does
      } finally {
        out.release();
        outSchema.release();
      }
    }
  }
}
