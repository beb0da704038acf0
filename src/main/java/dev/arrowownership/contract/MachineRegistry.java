package dev.arrowownership.contract;

import dev.arrowownership.leak.CleanupSteps;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the machines a property try opened, so the property can close them all, its allocator
 * leak check included, even when a step fails or jqwik is shrinking.
 */
final class MachineRegistry {
  private static final ThreadLocal<List<OwnershipMachine<?, ?>>> OPEN = ThreadLocal.withInitial(ArrayList::new);

  private MachineRegistry() {}

  static <H, F> OwnershipMachine<H, F> open(OwnershipSubject<H, F> subject) {
    OwnershipMachine<H, F> machine = new OwnershipMachine<>(subject);
    OPEN.get().add(machine);
    return machine;
  }

  /**
   * Runs {@code check}, then closes every machine it opened. A failure of the check stays the
   * failure reported, with cleanup failures (leaked memory) attached as suppressed.
   */
  static void runThenCloseAll(Runnable check) {
    try {
      check.run();
    } catch (RuntimeException | Error failure) {
      try {
        closeAll();
      } catch (RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
    closeAll();
  }

  /** Closes every machine opened on this thread since the last call; the first failure is thrown. */
  static void closeAll() {
    List<OwnershipMachine<?, ?>> machines = new ArrayList<>(OPEN.get());
    OPEN.get().clear();
    CleanupSteps.runAll(machines.stream().<Runnable>map(m -> m::close).toList());
  }
}
