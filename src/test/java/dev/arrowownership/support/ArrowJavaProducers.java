package dev.arrowownership.support;

import dev.arrowownership.conformance.AllocatingProducer;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.generate.GeneratedBatch;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;

/** Arrow Java 19.0.0's C Data exporters as producers under test: the kit's self-tests and the conformance runs share them. */
public final class ArrowJavaProducers {
  private static final int ROWS = 100;

  private ArrowJavaProducers() {}

  /** How a producer under test puts one generated batch into the two structs. */
  @FunctionalInterface
  public interface Export {
    void export(BufferAllocator allocator, GeneratedBatch batch, ArrowArray array, ArrowSchema schema);
  }

  /** {@code Data.exportVectorSchemaRoot}: the whole batch, children and the dictionary. */
  public static final Export ROOT = (allocator, batch, array, schema) ->
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), array, schema);

  /** {@code Data.exportVector} of the batch's struct column {@code point}. */
  public static final Export STRUCT_VECTOR = (allocator, batch, array, schema) ->
      Data.exportVector(allocator, batch.root().getVector("point"), batch.dictionaries(), array, schema);

  /**
   * A producer exporting a new generated batch on each call, generated in and exported from the
   * allocator the kit lends it, so that the kit fails its allocations one at a time.
   */
  public static AllocatingProducer allocating(Export export) {
    long[] seed = {0};
    return (array, schema, allocator) -> {
      try (GeneratedBatch batch = GeneratedBatch.create(allocator, ROWS, seed[0]++)) {
        export.export(allocator, batch, ArrowArray.wrap(array), ArrowSchema.wrap(schema));
      }
    };
  }

  /** A producer exporting a new generated batch from {@code allocator} on each call. */
  public static CDataProducer producer(BufferAllocator allocator, Export export) {
    return new CDataProducer() {
      private long seed;

      @Override
      public void produce(long array, long schema) {
        try (GeneratedBatch batch = GeneratedBatch.create(allocator, ROWS, seed++)) {
          export.export(allocator, batch, ArrowArray.wrap(array), ArrowSchema.wrap(schema));
        }
      }

      @Override
      public long allocatedBytes() {
        return allocator.getAllocatedMemory();
      }
    };
  }
}
