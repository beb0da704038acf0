package dev.arrowownership.kit;

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

  /** Closes every machine opened on this thread since the last call; the first failure is thrown. */
  static void closeAll() {
    List<OwnershipMachine<?, ?>> machines = new ArrayList<>(OPEN.get());
    OPEN.get().clear();
    RuntimeException first = null;
    for (OwnershipMachine<?, ?> machine : machines) {
      try {
        machine.close();
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
