package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What an adopter of the exhaustive contract sees: the report printed, and a failure naming the shortest sequence. */
class ExhaustiveOwnershipContractTest {

  /**
   * A wrapper that leaks (memory only the allocator's close finds, at depth 1) fails the contract
   * with the shortest failing sequence, and the report with the bounds is printed first.
   */
  @Test
  void brokenWrapperFailsWithTheShortestSequenceAndThePrintedReport() {
    ExhaustiveOwnershipContract contract = LeakingSubject::new;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(contract::everySequenceWithinTheBoundsMatchesTheModel).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("RecordBatchData (features [FRAME]): shortest failing sequence (1 steps): [allocate()]\n"
              + Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED.id());
    } finally {
      System.setOut(previous);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("exhaustive check, "
        + ExhaustiveOwnershipContract.HANDLES + " handles, " + ExhaustiveOwnershipContract.FAULTS
        + " fault points, depth <= " + ExhaustiveOwnershipContract.DEPTH + ": RecordBatchData (features [FRAME]) FAILED at [allocate()]\n"
        + "  depth 1: 1 sequences checked, ");
  }
}
