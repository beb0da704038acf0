package dev.arrowownership.leak;

/**
 * Runs every cleanup step even when some fail, so one failing close cannot leak what the later ones
 * would have freed; the first failure is rethrown with the others suppressed.
 */
public final class CleanupSteps {
  private CleanupSteps() {}

  /** Runs each step; throws the first failure after all have run. */
  public static void runAll(Iterable<? extends Runnable> steps) {
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
