package dev.arrowownership.libraries;

import dev.arrowownership.conformance.FaultInjector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Counts the allocations an allocator is asked for and, when armed, fails the k-th through the kit's
 * {@link FaultInjector}: the count of a clean run tells how many allocation points there are.
 */
final class CountingFaultListener implements AllocationListener {
  private final FaultInjector injector = new FaultInjector();
  private int allocations;

  /** Starts a new run: resets the count and makes allocation {@code k} fail (k < 0: none fails). */
  void arm(int k) {
    allocations = 0;
    injector.disarm();
    if (k >= 0) {
      injector.failAt(k);
    }
  }

  /** Ends the run; returns the injected failure if it fired. */
  OutOfMemoryException disarm() {
    return injector.disarm();
  }

  /** Allocations requested since {@link #arm}. */
  int allocations() {
    return allocations;
  }

  /**
   * Runs {@code run} once cleanly ({@code -1}), then once per allocation point the clean run made,
   * with that allocation failing; returns the outcomes in that order.
   */
  static <T> List<T> everyAllocationPoint(IntFunction<T> run, ToIntFunction<T> allocations) {
    List<T> outcomes = new ArrayList<>();
    T clean = run.apply(-1);
    outcomes.add(clean);
    for (int k = 0; k < allocations.applyAsInt(clean); k++) {
      outcomes.add(run.apply(k));
    }
    return outcomes;
  }

  @Override
  public void onPreAllocation(long size) {
    allocations++;
    injector.onPreAllocation(size);
  }
}
