package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;
import dev.arrowownership.model.Expected.Outcome;

/**
 * The stateful exactly-once contract: implement {@link #subject()} in a test class and every
 * property here runs against your wrapper, each failure naming the {@link Rule} broken
 * ({@code required_wrapper_...}) and the shrunk sequence of steps that breaks it. Frame steps run
 * only if the subject declares {@link SubjectFeature#FRAME}; the statistics name the features checked.
 *
 * <pre>{@code
 * class MyWrapperContractProperties implements OwnershipContract {
 *   public OwnershipSubject<?, ?> subject() { return new MyWrapperSubject(); }
 * }
 * }</pre>
 *
 * <p>jqwik is an optional dependency of this library: add {@code net.jqwik:jqwik:1.9.3} in test
 * scope to use the contract. Sequence length and handle count: {@link StepGenerators}' system
 * properties; tries: {@code jqwik.tries.default}.
 */
public interface OwnershipContract {

  /** The wrapper under test. */
  OwnershipSubject<?, ?> subject();

  /**
   * Every generated sequence of operations, misuse included, releases each struct exactly as the
   * exactly-once model says, step by step, and leaves nothing allocated.
   */
  @Property
  @Label("required_wrapper_every_step_matches_the_exactly_once_model")
  default void everyStepReleasesExactlyWhatTheModelSays(
      @ForAll("operationSequences") ActionChain<OwnershipMachine<?, ?>> sequence) {
    boolean[] frames = {false};
    MachineRegistry.runThenCloseAll(() -> {
      OwnershipMachine<?, ?> machine = sequence.run();
      frames[0] = machine.features().contains(SubjectFeature.FRAME);
      Statistics.label("subject").collect(SubjectFeature.describe(machine.features()));
      Statistics.label("misuse rejected").collect(machine.outcomeCount(Outcome.ILLEGAL_STATE) > 0);
      if (frames[0]) {
        Statistics.label("fault injected mid-extraction").collect(machine.outcomeCount(Outcome.FAULT) > 0);
      }
      machine.finish();
    });
    // The generator must keep producing the hard cases, so a passing run means they were exercised;
    // faults are injected only into a frame's extraction.
    Statistics.label("misuse rejected").coverage(c -> c.check(true).percentage(p -> p > 50));
    if (frames[0]) {
      Statistics.label("fault injected mid-extraction").coverage(c -> c.check(true).percentage(p -> p > 5));
    }
  }

  @Provide
  default Arbitrary<ActionChain<OwnershipMachine<?, ?>>> operationSequences() {
    return StepGenerators.chains(subject());
  }
}
