package dev.arrowownership.support;

import dev.arrowownership.conformance.AllocationFaults;
import dev.arrowownership.conformance.CDataStreamProducer;
import dev.arrowownership.conformance.FaultInjector;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A stream producer under test that allocates everything from an allocator of its own: the kit
 * reads that allocator's bytes ({@code allocatedBytes()}) and makes its allocations fail through a
 * {@link FaultInjector}. Subclasses only say how a stream is produced.
 */
public abstract class FaultInjectedStreamProducer implements CDataStreamProducer, AutoCloseable {
  private final FaultInjector injector = new FaultInjector();
  private final BufferAllocator allocator;

  /** {@code allocatorWith} makes the producer's allocator around the injector (a root or a child allocator). */
  protected FaultInjectedStreamProducer(Function<FaultInjector, BufferAllocator> allocatorWith) {
    this.allocator = allocatorWith.apply(injector);
  }

  /** The allocator every stream and result of this producer allocates from. */
  protected final BufferAllocator allocator() {
    return allocator;
  }

  @Override
  public final long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  @Override
  public final Optional<AllocationFaults> faults() {
    return Optional.of(injector.asAllocationFaults());
  }

  /** Closes the producer's allocator: it throws if a stream or a result still holds memory. */
  @Override
  public void close() {
    allocator.close();
  }
}
