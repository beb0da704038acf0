package dev.arrowownership.contract;

/**
 * Runs every cleanup step even when some fail, so one failing close cannot leak what the later
 * ones would have freed; the first failure is rethrown with the others suppressed.
 */
final class Cleanup {
  private Cleanup() {}

  /** Runs each step; throws the first failure after all have run. */
  static void runAll(Iterable<? extends Runnable> steps) {
    RuntimeException first = null;
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
