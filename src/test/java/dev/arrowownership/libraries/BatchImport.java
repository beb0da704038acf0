package dev.arrowownership.libraries;

import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;

/** A consumer under test: takes ownership of an exported batch and returns what it built from it. */
@FunctionalInterface
interface BatchImport {
  /**
   * Imports the batch in {@code array}/{@code schema}; closing the result must let the consumer
   * release it. On failure, everything the call itself built is closed before it throws.
   */
  AutoCloseable importBatch(BufferAllocator allocator, ArrowArray array, ArrowSchema schema);
}
