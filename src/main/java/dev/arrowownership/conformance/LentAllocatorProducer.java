package dev.arrowownership.conformance;

import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An {@link AllocatingProducer} seen as a {@link CDataProducer}: it produces with an allocator of the
 * kit's whose allocations a {@link FaultInjector} can fail, and whose memory is the producer's
 * {@link #allocatedBytes()}. Closing closes that allocator.
 */
final class LentAllocatorProducer implements CDataProducer, AutoCloseable {
  private final AllocatingProducer producer;
  private final FaultInjector injector = new FaultInjector();
  private final BufferAllocator allocator = new RootAllocator(injector, Long.MAX_VALUE);

  LentAllocatorProducer(AllocatingProducer producer) {
    this.producer = producer;
  }

  @Override
  public void produce(long arrayAddress, long schemaAddress) throws Exception {
    producer.produce(arrayAddress, schemaAddress, allocator);
  }

  @Override
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  @Override
  public Optional<AllocationFaults> faults() {
    return Optional.of(injector.asAllocationFaults());
  }

  @Override
  public void close() {
    try {
      allocator.close();
    } catch (IllegalStateException leakedByTheProducer) {
      // Memory a batch kept after its release: required_producer_release_frees_everything failed for it.
    }
  }
}
