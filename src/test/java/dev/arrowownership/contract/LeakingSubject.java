package dev.arrowownership.contract;

import dev.arrowownership.wrapper.RecordBatchData;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The reference subject, except that each {@code allocate} takes 8 bytes from the machine's
 * allocator and never gives them back: a leak that no step or release count sees, only the
 * allocator's close. The bytes stay taken (a closed allocator cannot free them), a few per test.
 */
final class LeakingSubject extends RecordBatchDataSubject {
  @Override
  public RecordBatchData allocate(BufferAllocator allocator, String name) {
    allocator.buffer(8); // never closed
    return super.allocate(allocator, name);
  }
}
