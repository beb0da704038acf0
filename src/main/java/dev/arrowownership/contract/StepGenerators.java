package dev.arrowownership.contract;

import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * Generates operation sequences over an {@link OwnershipMachine}: every operation, misuse included,
 * on handles picked from those that exist, so use after close, double close and populate of an
 * owning handle come up as often as the happy path.
 */
final class StepGenerators {
  /** How many open handles {@code allocate()} may reach; extraction may add more. */
  static final int MAX_OPEN_HANDLES = Integer.getInteger("arrowownership.handles", 4);
  /** Steps per generated sequence. */
  static final int DEPTH = Integer.getInteger("arrowownership.depth", 30);
  /** Rows per generated batch, at most. */
  static final int MAX_ROWS = Integer.getInteger("arrowownership.rows", 1000);

  private StepGenerators() {}

  static ActionChainArbitrary<OwnershipMachine<?, ?>> chains(OwnershipSubject<?, ?> subject) {
    ActionChainArbitrary<OwnershipMachine<?, ?>> chains = ActionChain.<OwnershipMachine<?, ?>>startWith(() -> MachineRegistry.open(subject))
        .withAction(3, when(StepGenerators::mayAllocate, m -> Arbitraries.just(new Step.Allocate())))
        .withAction(5, onHandle(h -> Combinators.combine(rows(), Arbitraries.longs())
            .as((rows, seed) -> new Step.Populate(h, rows, seed))))
        .withAction(3, onHandle(h -> Arbitraries.just(new Step.MoveFrom(h))))
        .withAction(3, when(m -> m.handleCount() > 0,
            m -> Combinators.combine(handle(m), handle(m)).as(Step.MoveAssign::new)))
        .withAction(1, onHandle(h -> Arbitraries.just(new Step.MoveAssign(h, h))))
        .withAction(2, onHandle(h -> Arbitraries.just(new Step.ImportAndCloseRoot(h))))
        .withAction(1, onHandle(h -> Arbitraries.just(new Step.RowCount(h))))
        .withAction(3, onHandle(h -> Arbitraries.just(new Step.Close(h))))
        // Without FRAME no frame is made, so the frame stays ABSENT and no other frame step comes up.
        .withAction(1, when(m -> hasFrame(m) && frameReplaceable(m), m -> Combinators.combine(
            rows().list().ofMaxSize(3), Arbitraries.longs()).as(Step.NewFrame::new)))
        .withAction(2, when(m -> m.model().frameStatus() != FrameStatus.ABSENT,
            m -> Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 7)).map(Step.Extract::new)))
        .withAction(1, when(m -> m.model().frameStatus() != FrameStatus.ABSENT, m -> Arbitraries.just(new Step.CloseFrame())));
    // Added only for a subject with COPY, so that every other subject's chains are drawn exactly as before.
    if (SubjectFeature.checkDeclared(subject).contains(SubjectFeature.COPY)) {
      chains = chains.withAction(3, onHandle(h -> Arbitraries.just(new Step.Copy(h))));
    }
    return chains.withMaxTransformations(DEPTH);
  }

  private static Arbitrary<Integer> rows() {
    return Arbitraries.integers().between(0, MAX_ROWS);
  }

  private static Arbitrary<Integer> handle(OwnershipMachine<?, ?> machine) {
    return Arbitraries.integers().between(0, machine.handleCount() - 1);
  }

  /** Frame steps only for subjects that declare {@link SubjectFeature#FRAME}. */
  static boolean hasFrame(OwnershipMachine<?, ?> machine) {
    return machine.features().contains(SubjectFeature.FRAME);
  }

  static boolean frameReplaceable(OwnershipMachine<?, ?> machine) {
    FrameStatus status = machine.model().frameStatus();
    return status == FrameStatus.ABSENT || status == FrameStatus.CLOSED;
  }

  /** {@code allocate()} is generated only while fewer than {@link #MAX_OPEN_HANDLES} handles are open. */
  static boolean mayAllocate(OwnershipMachine<?, ?> machine) {
    return openHandles(machine) < MAX_OPEN_HANDLES;
  }

  static int openHandles(OwnershipMachine<?, ?> machine) {
    int open = 0;
    for (int h = 0; h < machine.handleCount(); h++) {
      open += machine.model().status(h) == dev.arrowownership.model.ExactlyOnceModel.HandleStatus.CLOSED ? 0 : 1;
    }
    return open;
  }

  private static Action<OwnershipMachine<?, ?>> onHandle(java.util.function.IntFunction<Arbitrary<? extends Step>> step) {
    return when(m -> m.handleCount() > 0, m -> handle(m).flatMap(step::apply));
  }

  private static Action<OwnershipMachine<?, ?>> when(
      java.util.function.Predicate<OwnershipMachine<?, ?>> precondition,
      java.util.function.Function<OwnershipMachine<?, ?>, Arbitrary<? extends Step>> steps) {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(OwnershipMachine<?, ?> machine) {
        return precondition.test(machine);
      }

      @Override
      public Arbitrary<Transformer<OwnershipMachine<?, ?>>> transformer(OwnershipMachine<?, ?> machine) {
        return steps.apply(machine).map(step -> Transformer.mutate(describe(step, machine), step::applyTo));
      }
    };
  }

  /** The call as it reads in a shrunk counterexample, with the new handle's name where one is made. */
  static String describe(Step step, OwnershipMachine<?, ?> machine) {
    return step instanceof Step.Allocate || step instanceof Step.MoveFrom || step instanceof Step.Copy
        ? "h" + machine.handleCount() + " = " + step
        : step.toString();
  }
}
