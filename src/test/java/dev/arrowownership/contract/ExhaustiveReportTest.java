package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** assertPassed() passes a report without a failure and throws the shortest counterexample with its cause. */
class ExhaustiveReportTest {

  @Test
  void aFailedReportThrowsItsCounterexampleWithTheMachinesFailureAsCause() {
    AssertionError failure = new AssertionError("h0 released twice");
    ExhaustiveReport failed = new ExhaustiveReport("s", List.of(), List.of(new Step.Allocate()), failure, false);
    assertThatThrownBy(failed::assertPassed).isInstanceOf(AssertionError.class)
        .hasMessage("s: shortest failing sequence (1 steps): [allocate()]\nh0 released twice").hasCause(failure);
    assertThatCode(new ExhaustiveReport("s", List.of(), null, null, true)::assertPassed).doesNotThrowAnyException();
  }
}
