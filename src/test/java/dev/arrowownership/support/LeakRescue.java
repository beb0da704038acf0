package dev.arrowownership.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;

/**
 * Cleans up after a consumer observed to leak (a finding), so the test that observes the leak still
 * closes every allocator at 0: it releases lost content through a saved bitwise copy (counted by the
 * ledger like any release), and frees the small buffers the consumer allocated for its own copies
 * of the structs and then dropped.
 *
 * <p>Its allocation-manager factory records every small allocation (or every allocation, for a
 * consumer that leaks whole vectors), because Arrow Java keeps no public handle on a buffer nobody
 * references any more.
 */
public final class LeakRescue implements AllocationManager.Factory {
  private static final long SMALL = 256; // a C struct, rounded up by the allocator

  private final AllocationManager.Factory delegate;
  private final long largest;
  private final List<AllocationManager> recorded = new CopyOnWriteArrayList<>();

  /** A rescue that can free the small buffers (C structs) a consumer dropped. */
  public LeakRescue() {
    this(SMALL);
  }

  private LeakRescue(long largest) {
    // The allocator's own defaults must initialize first, or the unsafe factory is seen half-built.
    RootAllocator.configBuilder();
    this.delegate = UnsafeAllocationManager.FACTORY;
    this.largest = largest;
  }

  /** A rescue that can free buffers of any size a consumer dropped, such as a leaked vector's. */
  public static LeakRescue ofEveryBuffer() {
    return new LeakRescue(Long.MAX_VALUE);
  }

  /** A root allocator whose recorded allocations this rescue can free. */
  public RootAllocator rootAllocator() {
    return new RootAllocator(RootAllocator.configBuilder().allocationManagerFactory(this).build());
  }

  @Override
  public AllocationManager create(BufferAllocator accountingAllocator, long size) {
    AllocationManager manager = delegate.create(accountingAllocator, size);
    if (size <= largest) {
      recorded.add(manager);
    }
    return manager;
  }

  @Override
  public ArrowBuf empty() {
    return delegate.empty();
  }

  /** Releases lost content: writes the saved bits into {@code scratch} and calls its release. */
  public static void releaseThroughCopy(ArrowArray.Snapshot saved, ArrowArray scratch) {
    scratch.save(saved);
    scratch.release();
  }

  /**
   * Frees every recorded buffer still accounted to {@code consumer}.
   *
   * @return the bytes freed
   */
  public long freeLeftovers(BufferAllocator consumer) {
    long freed = 0;
    for (AllocationManager manager : recorded) {
      ReferenceManager owner = (ReferenceManager) invoke(manager, "getOwningLedger");
      if (owner == null || owner.getRefCount() == 0) {
        recorded.remove(manager);
      } else if (owner.getAllocator() == consumer) {
        freed += owner.getAccountedSize();
        owner.release(owner.getRefCount());
        recorded.remove(manager);
      }
    }
    return freed;
  }

  // Arrow Java keeps this accessor package-private; this test-only rescue reads it reflectively.
  private static Object invoke(AllocationManager manager, String name) {
    try {
      Method method = AllocationManager.class.getDeclaredMethod(name);
      method.setAccessible(true);
      return method.invoke(manager);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + name + " of " + manager.getClass().getName(), e);
    }
  }
}
