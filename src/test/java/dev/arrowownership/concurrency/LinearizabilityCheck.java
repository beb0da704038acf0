package dev.arrowownership.concurrency;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's model checker explores the interleavings of concurrent handle operations and checks
 * each run against the exactly-once model.
 *
 * <p>Runs in its own surefire execution ({@code lincheck}, a JVM of its own): Lincheck instruments
 * the classes it loads, and in the JVM that already ran the rest of the suite the same check took
 * over ten minutes instead of one.
 */
class LinearizabilityCheck {
  /**
   * Scenarios the core is checked on ({@code -Darrowownership.lincheck.iterations}): few in every
   * {@code verify}, many in the soak profile. The racy variant keeps {@link #RACY_ITERATIONS}: its
   * check stops at the first failing scenario, so the bound costs time only if the race is missed.
   */
  static final int CORE_ITERATIONS = Integer.getInteger("arrowownership.lincheck.iterations", 10);

  private static final int RACY_ITERATIONS = 30;

  private static ModelCheckingOptions options(int iterations) {
    return new ModelCheckingOptions()
        .threads(2)
        .actorsPerThread(1)
        .actorsBefore(1)
        .actorsAfter(1)
        .iterations(iterations)
        .invocationsPerIteration(100)
        .sequentialSpecification(ModelOperations.class);
  }

  /** The ownership core is linearizable against the exactly-once model and releases each batch once. */
  @Test
  void coreIsLinearizable() {
    options(CORE_ITERATIONS).check(HandleOperations.Core.class);
  }

  /** The check-then-act variant is caught: some interleaving has no sequential explanation. */
  @Test
  void racyVariantIsCaught() {
    assertThatThrownBy(() -> options(RACY_ITERATIONS).check(HandleOperations.Racy.class))
        .isInstanceOf(LincheckAssertionError.class)
        .hasMessageMatching("(?s).*(Invalid execution results|Validation function releasedExactlyOnce has failed).*");
  }
}
