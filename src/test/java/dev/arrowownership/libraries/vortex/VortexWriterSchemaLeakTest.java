package dev.arrowownership.libraries.vortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vortex.api.Session;
import dev.vortex.api.VortexWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vortex-jni 0.76.0's {@code VortexWriter.create} exports the writer's schema with Arrow Java ({@code
 * Data.exportSchema}) into a struct it allocated, hands it to {@code NativeWriter.create}, which borrows
 * it ({@code &*(addr as *const FFI_ArrowSchema)}), and then only {@code close()}s the struct in a {@code
 * finally}: {@code close()} frees the struct's own memory and never calls {@code release}, so the
 * exported schema (its format and name strings, children and private data, from the caller's
 * allocator) is never released. The spec: a consumer "MUST call a base structure's release callback
 * when it won't be using it anymore". Asserted as observed, so this fails when Vortex releases it.
 */
class VortexWriterSchemaLeakTest {
  @BeforeAll
  static void load() {
    VortexNatives.loadOrSkip();
  }

  @Test
  void writerCreateNeverReleasesTheSchemaItExports(@TempDir Path directory) throws Exception {
    Schema schema = new Schema(List.of(Field.nullable("id", new ArrowType.Int(32, true)),
        Field.nullable("name", ArrowType.Utf8.INSTANCE)));
    RootAllocator allocator = new RootAllocator(); // left holding the leaked export: closing it fails
    VortexWriter writer = VortexWriter.create(Session.create(), directory.resolve("leak.vortex").toUri().toString(),
        schema, Map.of(), allocator);
    writer.close();

    assertThat(allocator.getAllocatedMemory()).as("bytes of the exported schema never released").isPositive();
    assertThatThrownBy(allocator::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("Memory was leaked");
  }
}
