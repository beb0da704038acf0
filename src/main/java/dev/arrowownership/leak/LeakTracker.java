package dev.arrowownership.leak;

import java.lang.ref.Cleaner;

/**
 * The safety net's registration for one handle. The handle calls {@link #close()} from its own
 * {@code close()}, after closing its state, which retires the registration without a report.
 */
public final class LeakTracker {
  /** The tracker of an untracked handle ({@link LeakLevel#DISABLED}). */
  public static final LeakTracker NONE = new LeakTracker(null);

  private final Cleaner.Cleanable cleanable;
  private volatile boolean retired;

  LeakTracker(Cleaner.Cleanable cleanable) {
    this.cleanable = cleanable;
  }

  /** True if and only if this tracker watches a handle: from registration until {@link #close()}. */
  public boolean isTracking() {
    return cleanable != null && !retired;
  }

  /**
   * Retires the registration: runs the cleaning action now, at most once. After an explicit close
   * that action's close returns false, so nothing is released again and nothing is reported.
   */
  public void close() {
    if (cleanable != null) {
      retired = true;
      cleanable.clean();
    }
  }
}
