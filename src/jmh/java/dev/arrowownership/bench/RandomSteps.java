package dev.arrowownership.bench;

import dev.arrowownership.contract.OwnershipMachine;
import dev.arrowownership.contract.Step;
import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the next step of a sequence with the weights and preconditions of the contract's jqwik
 * generator (StepGenerators), from a plain random source: jqwik's shrinking and reporting are not
 * what this measures.
 */
final class RandomSteps {
  private static final int MAX_OPEN_HANDLES = 4;

  private final SplittableRandom random;
  private final int maxRows;

  RandomSteps(long seed, int maxRows) {
    this.random = new SplittableRandom(seed);
    this.maxRows = maxRows;
  }

  /** A step whose precondition holds on {@code machine}. */
  Step next(OwnershipMachine<?, ?> machine) {
    while (true) {
      Step step = candidate(machine);
      if (step != null) {
        return step;
      }
    }
  }

  private Step candidate(OwnershipMachine<?, ?> machine) {
    int handles = machine.handleCount();
    FrameStatus frame = machine.model().frameStatus();
    int pick = random.nextInt(29); // the contract's weights, allocate raised from 3 to 7: it is often refused
    if (pick < 7) {
      return openHandles(machine) < MAX_OPEN_HANDLES ? new Step.Allocate() : null;
    }
    if (handles == 0) {
      return null;
    }
    int h = random.nextInt(handles);
    if (pick < 12) {
      return new Step.Populate(h, random.nextInt(maxRows + 1), random.nextLong());
    } else if (pick < 15) {
      return new Step.MoveFrom(h);
    } else if (pick < 18) {
      return new Step.MoveAssign(h, random.nextInt(handles));
    } else if (pick < 19) {
      return new Step.MoveAssign(h, h);
    } else if (pick < 21) {
      return new Step.ImportAndCloseRoot(h);
    } else if (pick < 22) {
      return new Step.RowCount(h);
    } else if (pick < 25) {
      return new Step.Close(h);
    } else if (pick < 26) {
      boolean replaceable = frame == FrameStatus.ABSENT || frame == FrameStatus.CLOSED;
      return replaceable ? new Step.NewFrame(List.of(random.nextInt(maxRows + 1)), random.nextLong()) : null;
    } else if (pick < 28) {
      return frame != FrameStatus.ABSENT ? new Step.Extract(random.nextBoolean() ? -1 : random.nextInt(8)) : null;
    }
    return frame != FrameStatus.ABSENT ? new Step.CloseFrame() : null;
  }

  private static int openHandles(OwnershipMachine<?, ?> machine) {
    int open = 0;
    for (int h = 0; h < machine.handleCount(); h++) {
      open += machine.model().status(h) == HandleStatus.CLOSED ? 0 : 1;
    }
    return open;
  }
}
