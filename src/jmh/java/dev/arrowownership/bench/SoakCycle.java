package dev.arrowownership.bench;

import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.ImportedBatch;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** One write/read cycle of a fresh batch: through the reference wrapper and frame, or through a leaky handle. */
interface SoakCycle {
  /** Writes a fresh copy of {@code template} from {@code allocator}, reads it back; returns the rows read. */
  long run(GeneratedBatch template, BufferAllocator allocator);

  /** The fixed path: export into a handle, hand it to a frame, extract, import, read, close everything. */
  SoakCycle WRAPPER = (template, allocator) -> {
    try (VectorSchemaRoot fresh = FreshBatch.copyOf(template.root(), allocator);
        RecordBatchData written = RecordBatchData.allocate(allocator, "written")) {
      written.populate(fresh, template.dictionaries());
      try (ArrowOutputFrame frame = ArrowOutputFrame.of(allocator, "frame", List.of(written))) {
        List<RecordBatchData> read = frame.extractRecordBatches();
        try (RecordBatchData batch = read.get(0); ImportedBatch imported = batch.importBatch(allocator)) {
          return imported.root().getRowCount();
        }
      }
    }
  };

  /**
   * The seed's bug: a handle whose destructor frees its structs but never calls {@code release}, so
   * every batch written through it stays allocated.
   */
  SoakCycle LEAKY = (template, allocator) -> {
    try (VectorSchemaRoot fresh = FreshBatch.copyOf(template.root(), allocator);
        ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      Data.exportVectorSchemaRoot(allocator, fresh, template.dictionaries(), array, schema);
      schema.release(); // the schema is handled correctly; the array's release is forgotten
      return array.snapshot().length;
    }
  };
}
