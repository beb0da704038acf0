package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.ledger.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one consumer run counts as released once, as refused whole, and how it prints. */
class ConsumerRunTest {
  private static final Throwable REFUSED = new IllegalArgumentException("no");

  /** Each base released by the consumer, or left live for the caller, exactly once in all; nothing else wrong. */
  @Test
  void releasedOnceCountsTheCallersRelease() {
    assertThat(run(REFUSED, List.of(1, 1), List.of(false, false)).releasedOnceWithTheCallersPart()).isTrue();
    assertThat(run(REFUSED, List.of(0, 1), List.of(true, false)).releasedOnceWithTheCallersPart()).isTrue();
    assertThat(run(REFUSED, List.of(1, 0), List.of(false, true)).releasedOnceWithTheCallersPart()).isTrue();
    assertThat(run(REFUSED, List.of(0, 1), List.of(false, false)).releasedOnceWithTheCallersPart()).as("array lost").isFalse();
    assertThat(run(REFUSED, List.of(1, 0), List.of(false, false)).releasedOnceWithTheCallersPart()).as("schema lost").isFalse();
    assertThat(run(REFUSED, List.of(2, 1), List.of(false, false)).releasedOnceWithTheCallersPart()).isFalse();
    assertThat(run(REFUSED, List.of(1, 1), List.of(false, true)).releasedOnceWithTheCallersPart()).isFalse();
    assertThat(new ConsumerRun(-1, InvalidBatch.NEGATIVE_LENGTH, false, REFUSED, List.of(1, 1), List.of(false, false),
        List.of(false, false), List.of(new Violation(Violation.Kind.DOUBLE_RELEASE, null, "x")), false, 0).releasedOnceWithTheCallersPart()).isFalse();
    assertThat(new ConsumerRun(-1, InvalidBatch.NEGATIVE_LENGTH, false, REFUSED, List.of(1, 1), List.of(false, false),
        List.of(false, false), List.of(), true, 0).releasedOnceWithTheCallersPart()).as("written after release").isFalse();
    assertThat(new ConsumerRun(-1, InvalidBatch.NEGATIVE_LENGTH, false, REFUSED, List.of(1, 1), List.of(false, false),
        List.of(false, false), List.of(), false, 8).releasedOnceWithTheCallersPart()).as("bytes held").isFalse();
  }

  /** Released exactly once: each base struct once and no double release of any struct; other violations are other rules'. */
  @Test
  void releasedExactlyOnceNeedsEachBaseOnceAndNoDoubleRelease() {
    assertThat(run(null, List.of(1, 1), List.of(false, false)).releasedExactlyOnce()).isTrue();
    assertThat(run(null, List.of(1, 2), List.of(false, false)).releasedExactlyOnce()).isFalse();
    assertThat(withViolation(Violation.Kind.DOUBLE_RELEASE).releasedExactlyOnce()).as("a child released twice").isFalse();
    assertThat(withViolation(Violation.Kind.CHILD_RELEASED_BY_CONSUMER).releasedExactlyOnce()).isTrue();
  }

  /** Released (by any copy) and still live at the caller's address: the structs a move left looking live. */
  @Test
  void releasedButLeftLiveNamesTheStructsAMoveLeftLive() {
    assertThat(run(null, List.of(1, 1), List.of(true, true)).releasedButLeftLive()).containsExactly("array", "schema");
    assertThat(run(null, List.of(1, 2), List.of(false, true)).releasedButLeftLive()).containsExactly("schema");
    assertThat(run(null, List.of(1, 0), List.of(true, true)).releasedButLeftLive()).containsExactly("array");
    assertThat(run(REFUSED, List.of(0, 0), List.of(true, true)).releasedButLeftLive()).as("left to the caller").isEmpty();
    assertThat(run(null, List.of(1, 1), List.of(false, false)).releasedButLeftLive()).isEmpty();
  }

  /** Refused whole: an error, then both released (once each) or both left live; never one of each, never accepted. */
  @Test
  void refusedWholeNeedsAnErrorAndBothOrNeither() {
    assertThat(run(REFUSED, List.of(1, 1), List.of(false, false)).rejectedWhole()).isTrue();
    assertThat(run(REFUSED, List.of(0, 0), List.of(true, true)).rejectedWhole()).isTrue();
    assertThat(run(null, List.of(1, 1), List.of(false, false)).rejectedWhole()).as("accepted").isFalse();
    assertThat(run(null, List.of(0, 0), List.of(true, true)).rejectedWhole()).as("accepted, untouched").isFalse();
    assertThat(run(REFUSED, List.of(0, 1), List.of(true, false)).rejectedWhole()).as("half").isFalse();
    assertThat(run(REFUSED, List.of(1, 0), List.of(false, true)).rejectedWhole()).as("the other half").isFalse();
    assertThat(run(REFUSED, List.of(0, 1), List.of(false, false)).rejectedWhole()).as("array lost").isFalse();
    assertThat(run(REFUSED, List.of(1, 2), List.of(false, false)).rejectedWhole()).as("schema twice").isFalse();
    // released once each, yet a release set again afterwards (a write after release): not whole
    assertThat(run(REFUSED, List.of(1, 1), List.of(false, true)).rejectedWhole()).isFalse();
  }

  /** A run prints its input, the release counts, what was left live (invalid input only) and what went wrong. */
  @Test
  void printsWhatHappened() {
    assertThat(run(REFUSED, List.of(0, 1), List.of(true, false))).hasToString("negative_length (array.length is -1):"
        + " base releases [array, schema] = [0, 1], left live [true, false], threw java.lang.IllegalArgumentException: no");
    assertThat(new ConsumerRun(3, null, true, null, List.of(1, 1), List.of(false, false), List.of(false, false),
        List.of(), true, 16))
        .hasToString("allocation #3 failing: base releases [array, schema] = [1, 1], consumer holds 16 bytes,"
            + " written after release");
    assertThat(new ConsumerRun(-1, null, false, null, List.of(1, 1), List.of(false, false), List.of(false, false),
        List.of(), false, 0))
        .hasToString("no fault: base releases [array, schema] = [1, 1]");
  }

  private static ConsumerRun run(Throwable thrown, List<Integer> calls, List<Boolean> leftLive) {
    return new ConsumerRun(-1, InvalidBatch.NEGATIVE_LENGTH, false, thrown, calls, leftLive, List.of(false, false),
        List.of(), false, 0);
  }

  private static ConsumerRun withViolation(Violation.Kind kind) {
    return new ConsumerRun(-1, null, false, null, List.of(1, 1), List.of(false, false), List.of(false, false),
        List.of(new Violation(kind, null, "a child")), false, 0);
  }
}
