package dev.arrowownership.conformance;

import java.util.Optional;

/**
 * Anything that fills an {@code ArrowArrayStream} at a given address (C Stream Interface): Arrow
 * Java's {@code Data.exportArrayStream}, a database's query export, a native library's stream. The
 * kit owns the struct's memory and owns the stream the producer puts there; it reads the stream as
 * a consumer would and checks the producer's side of the C Stream Interface with {@link
 * ConformanceKit#checkStreamProducer}.
 *
 * <p>Example: {@code address -> Data.exportArrayStream(allocator, reader, ArrowArrayStream.wrap(address))}.
 */
@FunctionalInterface
public interface CDataStreamProducer {

  /**
   * Fills the struct at {@code streamAddress} with a new stream that the caller then owns. The
   * struct's content is not the producer's: it may hold anything, a live stream included, and the
   * producer must not call any callback it finds there. Each call produces a new stream; throwing
   * (or a native non-zero return) is a refusal.
   */
  void produce(long streamAddress) throws Exception;

  /**
   * The bytes this producer holds for the streams it produced and what they yielded, or -1 when it
   * cannot tell; the kit checks that releasing a stream and its results gives them all back, and
   * that asking for the last error again does not take more.
   */
  default long allocatedBytes() {
    return -1;
  }

  /**
   * A way to make the producer's allocations fail (the allocator a Java producer uses, with a {@link
   * FaultInjector}; a native library's {@code arrow_ownership_fail_allocation} hook), so the kit can
   * see a failing {@code get_next} and its {@code get_last_error}. Empty by default: those rules are
   * then not applicable.
   */
  default Optional<AllocationFaults> faults() {
    return Optional.empty();
  }
}
