package dev.arrowownership.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The example of docs/kit.md, as it runs: an adopter checks its exporter and writes the report. */
class AdopterExampleTest {

  /** An exporter built on Arrow Java keeps every producer rule; its report lands under target/. */
  @Test
  void checkMyExporter() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      CDataProducer exporter = new CDataProducer() {
        @Override public void produce(long array, long schema) {
          try (IntVector ids = new IntVector("id", allocator); VectorSchemaRoot root = VectorSchemaRoot.of(ids)) {
            ids.setSafe(0, 7);
            root.setRowCount(1);
            Data.exportVectorSchemaRoot(allocator, root, null, ArrowArray.wrap(array), ArrowSchema.wrap(schema));
          }
        }
        @Override public long allocatedBytes() {
          return allocator.getAllocatedMemory();
        }
      };
      Verdict verdict = ConformanceKit.checkProducer("my-exporter", exporter);
      Files.writeString(Files.createDirectories(Path.of("target/conformance")).resolve("my-exporter.md"), verdict.toMarkdown());
      verdict.assertConforms();
    }
  }
}
