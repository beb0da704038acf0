package dev.arrowownership.conformance;

import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Anything that takes ownership of a record batch's {@code ArrowArray} and {@code ArrowSchema}: an
 * importer. The kit produces a batch (with children and a dictionary), tracks every struct of it
 * through the release ledger, hands the two base structs to the consumer and checks the
 * consumer's side of the C Data Interface with {@link ConformanceKit#checkConsumer}.
 *
 * <p>Example: {@code (array, schema, allocator) -> Data.importVectorSchemaRoot(allocator,
 * ArrowArray.wrap(array), ArrowSchema.wrap(schema), new CDataDictionaryProvider())} (the root is
 * the returned {@link AutoCloseable}; the dictionary provider must be closed with it).
 */
@FunctionalInterface
public interface CDataConsumer {

  /**
   * Takes ownership of the live structs at {@code arrayAddress} and {@code schemaAddress} and
   * returns what it built from them. Once the result is closed, or once this method throws, the
   * consumer must have called each base struct's {@code release} exactly once, and no child's; a
   * struct it moved by copying it (spec: <i>Moving an array</i>) it must have marked released where it
   * found it ({@code release} set to NULL, without calling it).
   *
   * @param allocator memory for the consumer, if it uses Arrow Java; the kit makes its allocations
   *     fail at chosen points (to check every failure path) and checks it is empty at the end
   */
  AutoCloseable consume(long arrayAddress, long schemaAddress, BufferAllocator allocator) throws Exception;

  /**
   * The consumer's own way to fail its allocations, for a consumer that does not allocate from the
   * allocator it is lent (native code: its {@code arrow_ownership_fail_allocation} hook). When present
   * the kit arms it, instead of the lent allocator, to walk the failure paths of {@link
   * Rule#REQUIRED_CONSUMER_RELEASES_ON_FAILURE}. Empty by default.
   */
  default Optional<AllocationFaults> faults() {
    return Optional.empty();
  }

  /**
   * The bytes the consumer holds of its own memory (not the allocator it is lent), or -1 if it
   * cannot tell (the default): e.g. a native library's {@code arrow_ownership_held_bytes} hook. The
   * kit reads it before each hand-over and once the result is closed; growth in between is memory
   * the consumer kept, and fails the rules that check nothing is held.
   */
  default long heldBytes() {
    return -1;
  }
}
