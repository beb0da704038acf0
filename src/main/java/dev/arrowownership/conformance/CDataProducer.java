package dev.arrowownership.conformance;

import java.util.Optional;

/**
 * Anything that fills an {@code ArrowArray} and an {@code ArrowSchema} at given addresses: Arrow
 * Java's {@code Data.exportVectorSchemaRoot}, a native library's export, a stream's {@code get_next}.
 * The kit owns the two structs' memory and owns what the producer puts in them; it checks the
 * producer's side of the C Data Interface with {@link ConformanceKit#checkProducer}.
 *
 * <p>Example: {@code (array, schema) -> Data.exportVectorSchemaRoot(allocator, root, null,
 * ArrowArray.wrap(array), ArrowSchema.wrap(schema))}.
 */
@FunctionalInterface
public interface CDataProducer {

  /**
   * Fills the released structs at {@code arrayAddress} and {@code schemaAddress} with one array and
   * its schema (any type the spec defines: a record batch is a struct array; children and
   * dictionaries included) that the caller then owns. Each call produces a new array.
   */
  void produce(long arrayAddress, long schemaAddress) throws Exception;

  /**
   * The bytes this producer holds for the batches it produced, or -1 when it cannot tell; the kit
   * checks that releasing a batch gives them all back.
   */
  default long allocatedBytes() {
    return -1;
  }

  /**
   * The producer's own way to fail its allocations (native code: its {@code
   * arrow_ownership_fail_allocation} hook). With it the kit walks produce()'s failure paths for
   * {@link Rule#REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED}; without it that rule is
   * not applicable. A Java producer gets one by allocating from the allocator the kit lends it: see
   * {@link AllocatingProducer}. Empty by default.
   */
  default Optional<AllocationFaults> faults() {
    return Optional.empty();
  }
}
