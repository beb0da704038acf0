package dev.arrowownership.conformance;

import org.apache.arrow.memory.BufferAllocator;

/**
 * Anything that takes ownership of an {@code ArrowArrayStream}: for example DuckDB's
 * {@code registerArrowStream} followed by a query that scans it. The kit exports a stream of
 * generated batches whose stream, schema and array structs are all tracked by the release ledger,
 * and checks it with {@link ConformanceKit#checkStreamConsumer}.
 */
@FunctionalInterface
public interface CDataStreamConsumer {

  /**
   * Takes ownership of the live stream at {@code streamAddress}, reads it (to its end or not) and
   * returns what it holds from it. Once the result is closed, or once this method throws, the
   * consumer must have released the stream and every schema and array it obtained, each exactly
   * once.
   *
   * @param allocator memory for the consumer, if it uses Arrow Java; checked empty at the end
   */
  AutoCloseable consume(long streamAddress, BufferAllocator allocator) throws Exception;

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
