package dev.arrowownership.reliability;

import java.util.List;

/**
 * One operation of the fault sweep. {@link FaultSweepTest} builds it, runs {@link #operate} with the
 * k-th allocation failing, then checks {@link #afterFault} and that {@link #retryAndRead} returns
 * {@link #expected}; {@link #close} releases everything so the allocators must end at zero.
 */
interface FaultScenario extends AutoCloseable {
  /** Runs the operation; under an armed injector it must fail with the injected fault. */
  void operate();

  /** Checks the state the failed operation left: who owns what, nothing released yet that was not consumed. */
  void afterFault();

  /** Retries the operation without faults (if the content survived) and reads every batch back. */
  List<Integer> retryAndRead();

  /** The fingerprints a successful read returns; empty if the failed operation consumed the data by contract. */
  List<Integer> expected();

  /**
   * True if the fault hit a known leak in Arrow Java itself, which the scenario has checked in
   * detail; the sweep then counts the point as an upstream leak and calls {@link #rescueUpstreamLeak}.
   */
  default boolean hitUpstreamLeak() {
    return false;
  }

  /** After {@link #hitUpstreamLeak}: releases the content Arrow Java lost, so the allocators can close. */
  default void rescueUpstreamLeak() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " knows no upstream leak");
  }

  /** Closes every handle and frame the scenario made. */
  @Override
  void close();
}
