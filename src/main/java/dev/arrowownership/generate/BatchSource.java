package dev.arrowownership.generate;

import org.apache.arrow.memory.BufferAllocator;

/**
 * Where the batches the kit hands to consumers and stream consumers come from: the extension point
 * of {@code ConformanceKit.checkConsumer} and {@code checkStreamConsumer}. The default, {@link
 * KitBatches#ARROW_JAVA}, is a {@link GeneratedBatch} exported by Arrow Java; {@link LayoutSource}
 * writes a generated layout of any type family with the kit's own native writer. Whatever a source
 * writes, the kit owns it and tracks every struct of it with the release ledger.
 */
public interface BatchSource {

  /** Fills the released {@code ArrowSchema} at {@code schemaAddress} with the schema every batch has. */
  void exportSchema(BufferAllocator allocator, long schemaAddress);

  /**
   * Fills the released {@code ArrowArray} at {@code arrayAddress} with batch {@code index} of at most
   * {@code rows} rows, and the released {@code ArrowSchema} at {@code schemaAddress} with its schema
   * unless that address is 0 (a stream's batches come without one). Allocates from {@code allocator};
   * on failure leaves both structs released and frees what it allocated.
   */
  void exportBatch(BufferAllocator allocator, long arrayAddress, long schemaAddress, long index, int rows);
}
