package dev.arrowownership.conformance;

import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * An allocation listener that makes the k-th allocation after {@link #failAt} fail with {@link
 * OutOfMemoryException}, before anything is allocated: a real allocation failure on Arrow's own
 * path, at a chosen point.
 */
public final class FaultInjector implements AllocationListener {
  private boolean armed;
  private int countdown;
  private OutOfMemoryException fault;

  /** Arms the injector: allocation number {@code k} (0-based) from now on fails. */
  public void failAt(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    armed = true;
    countdown = k;
    fault = null;
  }

  /** Disarms the injector; returns the fault it threw since {@link #failAt}, or null. */
  public OutOfMemoryException disarm() {
    armed = false;
    OutOfMemoryException thrown = fault;
    fault = null;
    return thrown;
  }

  /** This injector seen as {@link AllocationFaults}: {@code disarm()} is true when it threw. */
  public AllocationFaults asAllocationFaults() {
    return new AllocationFaults() {
      @Override
      public void failAt(int k) {
        FaultInjector.this.failAt(k);
      }

      @Override
      public boolean disarm() {
        return FaultInjector.this.disarm() != null;
      }
    };
  }

  @Override
  public void onPreAllocation(long size) {
    if (armed && countdown-- == 0) {
      armed = false; // one fault per arming
      fault = new OutOfMemoryException("injected allocation failure (" + size + " bytes)");
      throw fault;
    }
  }
}
