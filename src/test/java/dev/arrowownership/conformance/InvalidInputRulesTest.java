package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.generate.InvalidBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two invalid-input rules over hand-made runs: released exactly once counts the structs left live
 * for the caller and fails on any run that lost or doubled one; refused whole needs every run refused
 * with both base structs released or both left live.
 */
class InvalidInputRulesTest {
  private static final Throwable REFUSED = new IllegalArgumentException("no");
  private static final ConsumerRun RELEASED_BOTH = run(List.of(1, 1), List.of(false, false));
  private static final ConsumerRun LEFT_BOTH = run(List.of(0, 0), List.of(true, true));
  private static final ConsumerRun LEFT_THE_SCHEMA = run(List.of(1, 0), List.of(false, true));
  private static final ConsumerRun LOST_THE_ARRAY = run(List.of(0, 1), List.of(false, false));

  @Test
  void releasedExactlyOnceCountsTheRunsThatLeftAStructToTheCaller() {
    RuleResult result = InvalidInputRules.releasedExactlyOnce(List.of(RELEASED_BOTH, LEFT_BOTH, LEFT_THE_SCHEMA));
    assertThat(result.status()).isEqualTo(Status.PASSED);
    assertThat(result.message()).isEqualTo("3 invalid batches: each base struct released once, by the consumer or,"
        + " where it was left live (2 of 3), by the caller");
  }

  @Test
  void releasedExactlyOnceFailsOnALostStruct() {
    RuleResult result = InvalidInputRules.releasedExactlyOnce(List.of(RELEASED_BOTH, LOST_THE_ARRAY));
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.message()).contains("1 of 2 invalid batches break it: [" + LOST_THE_ARRAY + "]");
  }

  @Test
  void rejectedWholeNeedsBothOrNeitherInEveryRun() {
    assertThat(InvalidInputRules.rejectedWhole(List.of(RELEASED_BOTH, LEFT_BOTH)).status()).isEqualTo(Status.PASSED);
    RuleResult half = InvalidInputRules.rejectedWhole(List.of(RELEASED_BOTH, LEFT_THE_SCHEMA));
    assertThat(half.status()).isEqualTo(Status.FAILED);
    assertThat(half.message()).contains("1 of 2 invalid batches accepted or left half released: [" + LEFT_THE_SCHEMA + "]");
  }

  private static ConsumerRun run(List<Integer> calls, List<Boolean> leftLive) {
    return new ConsumerRun(-1, InvalidBatch.NEGATIVE_LENGTH, false, REFUSED, calls, leftLive, List.of(false, false),
        List.of(), false, 0);
  }
}
