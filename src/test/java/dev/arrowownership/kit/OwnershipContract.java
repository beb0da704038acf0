package dev.arrowownership.kit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * The stateful exactly-once contract: implement {@link #subject()} and every property here runs
 * against your wrapper.
 */
public interface OwnershipContract {

  /** The wrapper under test. */
  OwnershipSubject<?, ?> subject();

  /**
   * Every generated sequence of operations, misuse included, releases each struct exactly as the
   * exactly-once model says, step by step, and leaves nothing allocated.
   */
  @Property
  default void everyStepReleasesExactlyWhatTheModelSays(
      @ForAll("operationSequences") ActionChain<OwnershipMachine<?, ?>> sequence) {
    MachineRegistry.runThenCloseAll(() -> sequence.run().finish());
  }

  @Provide
  default Arbitrary<ActionChain<OwnershipMachine<?, ?>>> operationSequences() {
    return StepGenerators.chains(subject());
  }
}
