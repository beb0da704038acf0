package dev.arrowownership.contract;

import dev.arrowownership.generate.GeneratedBatch;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;

/** The kit's producer for a machine's populate steps: Arrow Java exports a generated batch, every struct tracked. */
final class KitFiller {
  private KitFiller() {}

  /**
   * A filler that exports {@code batch} into the structs the subject hands it and tracks every struct
   * of it as resource {@code resource}, from the moment it exists.
   */
  static BatchFiller of(BufferAllocator allocator, GeneratedBatch batch, int resource, StepChecks<?> checks) {
    return (arrayAddress, schemaAddress) -> {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(),
          ArrowArray.wrap(arrayAddress), ArrowSchema.wrap(schemaAddress));
      checks.track(resource, arrayAddress, schemaAddress);
    };
  }
}
