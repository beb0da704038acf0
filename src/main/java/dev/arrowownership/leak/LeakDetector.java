package dev.arrowownership.leak;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Registers handles with one shared {@link Cleaner}: when a handle becomes unreachable before its
 * {@code close()}, the cleaner calls the handle's close action, and if that call is the one that
 * closed it (the same atomic close as an explicit {@code close()}, so exactly once even in a race),
 * reports the leak.
 *
 * <p>The close action must not reference the handle, or the handle never becomes unreachable: pass
 * the handle's state (e.g. {@code core::close}), never a method of the handle itself.
 */
public final class LeakDetector {
  private static final Cleaner CLEANER = Cleaner.create();
  private static volatile LeakLevel level = LeakLevel.fromSystemProperty();
  private static volatile LeakReporter reporter = LeakReporter.logging();

  private LeakDetector() {}

  /** The current level. */
  public static LeakLevel level() {
    return level;
  }

  /** Sets the level for handles allocated from now on; returns the previous one. */
  public static LeakLevel setLevel(LeakLevel next) {
    LeakLevel previous = level;
    level = Objects.requireNonNull(next, "level");
    return previous;
  }

  /** Installs {@code next} for all later reports; returns the previous reporter. */
  public static LeakReporter setReporter(LeakReporter next) {
    LeakReporter previous = reporter;
    reporter = Objects.requireNonNull(next, "reporter");
    return previous;
  }

  /**
   * Watches {@code handle}: if it becomes unreachable while {@code close} would still close it, the
   * cleaner calls {@code close} and reports {@code resource}.
   *
   * @param close closes the handle's state; returns true if and only if this call closed it. Must
   *     not reference {@code handle}.
   */
  public static LeakTracker track(Object handle, String resource, BooleanSupplier close) {
    LeakLevel now = level;
    if (now == LeakLevel.DISABLED) {
      return LeakTracker.NONE;
    }
    AllocationSite site = now == LeakLevel.PARANOID ? new AllocationSite(resource) : null;
    return new LeakTracker(CLEANER.register(handle, new Release(resource, site, close)));
  }

  /** The cleaning action. A static class, so it cannot capture the handle by accident. */
  private static final class Release implements Runnable {
    private final String resource;
    private final AllocationSite site;
    private final BooleanSupplier close;

    Release(String resource, AllocationSite site, BooleanSupplier close) {
      this.resource = resource;
      this.site = site;
      this.close = close;
    }

    @Override
    public void run() {
      if (close.getAsBoolean()) { // false after an explicit close: nothing to release or report
        reporter.reportLeak(new LeakReport(resource, site));
      }
    }
  }
}
