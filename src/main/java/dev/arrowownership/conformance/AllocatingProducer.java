package dev.arrowownership.conformance;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A producer that allocates what it exports from an allocator the kit lends it, so that the kit
 * counts its memory and makes its allocations fail one at a time: the way a Java producer gets its
 * failure paths checked ({@link Rule#REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED}).
 * Check it with {@link ConformanceKit#checkProducer(String, AllocatingProducer)}.
 *
 * <p>Example: {@code (array, schema, allocator) -> { try (GeneratedBatch batch = GeneratedBatch.create(allocator,
 * 100, 1)) { Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), ArrowArray.wrap(array),
 * ArrowSchema.wrap(schema)); } }}.
 */
@FunctionalInterface
public interface AllocatingProducer {

  /**
   * As {@link CDataProducer#produce}: fills the released structs at the two addresses with one array
   * and its schema that the caller then owns, allocating from {@code allocator}. When it fails (throws)
   * each struct must be released or untouched, and what it allocated for them freed.
   *
   * @param allocator the kit's allocator, the same for every call; any allocation from it may be made
   *     to fail with an {@code OutOfMemoryException}, and it must hold nothing once the kit released
   *     what was produced
   */
  void produce(long arrayAddress, long schemaAddress, BufferAllocator allocator) throws Exception;
}
