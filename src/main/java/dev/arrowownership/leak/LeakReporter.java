package dev.arrowownership.leak;

/**
 * Receives a report for every handle the safety net released. Called on the cleaner thread; must
 * not block for long. Tests install one that records reports and fails.
 */
@FunctionalInterface
public interface LeakReporter {
  /** Reports one leaked handle, already released. */
  void reportLeak(LeakReport report);

  /** The default: a {@code WARNING} through {@link System.Logger} named {@code dev.arrowownership.leak}. */
  static LeakReporter logging() {
    System.Logger logger = System.getLogger("dev.arrowownership.leak");
    return report -> logger.log(System.Logger.Level.WARNING, report.toString());
  }
}
