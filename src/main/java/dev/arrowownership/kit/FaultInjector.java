package dev.arrowownership.kit;

import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * An allocation listener that makes the k-th allocation after {@link #failAt} fail with {@link
 * OutOfMemoryException}, before anything is allocated: a real allocation failure on Arrow's own
 * path, at a chosen point.
 */
public final class FaultInjector implements AllocationListener {
  private int countdown = -1;
  private OutOfMemoryException fault;

  /** Arms the injector: allocation number {@code k} (0-based) from now on fails. */
  public void failAt(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    countdown = k;
    fault = null;
  }

  /** Disarms the injector; returns the fault it threw since {@link #failAt}, or null. */
  public OutOfMemoryException disarm() {
    countdown = -1;
    OutOfMemoryException thrown = fault;
    fault = null;
    return thrown;
  }

  @Override
  public void onPreAllocation(long size) {
    if (countdown >= 0 && countdown-- == 0) {
      fault = new OutOfMemoryException("injected allocation failure (" + size + " bytes)");
      throw fault;
    }
  }
}
