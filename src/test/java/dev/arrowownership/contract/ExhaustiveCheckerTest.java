package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.contract.ExhaustiveChecker.Exploration;
import dev.arrowownership.fixtures.WrapperNeverReleases;
import dev.arrowownership.wrapper.RecordBatchData;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The exhaustive check's counts are what the docs quote and what "closed" rests on: for one handle,
 * no fault points and depth 3 they are pinned exactly; failures come back in the report with the
 * leak of the failing run attached, never thrown.
 */
class ExhaustiveCheckerTest {

  /**
   * One handle, no faults. Depth 1: allocate() or f = frame(...), 3 states with the empty one.
   * Depths 2 and 3 were counted by this checker once and are pinned: sequences run, sequences they
   * stand for (pruned ones included), distinct states.
   */
  @Test
  void tinyBoundCountsAreExact() {
    ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0).check(3, 60_000);
    assertThat(report.failed()).isEmpty();
    assertThat(report.closed()).isFalse();
    assertThat(report.depthCompleted()).isEqualTo(3);
    assertThat(report.levels()).extracting(ExhaustiveReport.Level::depth, ExhaustiveReport.Level::sequencesChecked,
        ExhaustiveReport.Level::sequencesRepresented, ExhaustiveReport.Level::distinctStates).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 2L, BigInteger.valueOf(2), 3),
            org.assertj.core.groups.Tuple.tuple(2, 11L, BigInteger.valueOf(11), 8),
            org.assertj.core.groups.Tuple.tuple(3, 55L, BigInteger.valueOf(80), 17));
  }

  /**
   * The smallest run: with no handles the only first step is f = frame(...), one sequence and two
   * states. Unsharded, the report is named by the subject and its features alone.
   */
  @Test
  void depthOneOfNoHandlesChecksItsOneSequence() {
    ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject(), new StepAlphabet(0, 0, List.of()),
        System::nanoTime).check(1, 60_000);
    assertThat(report.subject()).isEqualTo("RecordBatchData (features [FRAME])");
    assertThat(report.levels()).extracting(ExhaustiveReport.Level::depth, ExhaustiveReport.Level::sequencesChecked,
        ExhaustiveReport.Level::distinctStates).containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1L, 2));
  }

  /**
   * A shard runs its share of every depth's moves, dealt by their index in the whole run's
   * enumeration: shard 2/2 runs the odd ones, move 1 of the 2 at depth 1 and moves 3, 5, 7 and 9 of
   * the 9 (moves 2 to 10) at depth 2. The counts are cumulative, as in {@link #tinyBoundCountsAreExact()}:
   * 1, then 1 + 4. Its report's name says which shard it is and that its moves come from a model-only plan.
   */
  @Test
  void aShardRunsOnlyItsShareOfEveryDepth() {
    Exploration shard = new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0).in(new Shard(2, 2)).explore(2, 60_000);
    assertThat(shard.report().levels()).extracting(ExhaustiveReport.Level::sequencesChecked).containsExactly(1L, 5L);
    assertThat(shard.plannedMoves()).isEqualTo(11);
    assertThat(shard.report().subject()).endsWith(", shard 2/2 of the moves of a model-only plan (11 moves planned,"
        + " 5 run here, 0 mispredicted, 0 unpredicted states explored here)");
  }

  /**
   * A run stops at the level that finds no new state and says it closed. With no handles and a frame
   * of no batches there are four states (frame absent, open, extracted, closed), all seen by depth 2.
   */
  @Test
  void aClosedStateSpaceStopsTheRunAtTheLevelThatAddedNothing() {
    ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject(), new StepAlphabet(0, 0, List.of()),
        System::nanoTime).check(10, 60_000);
    assertThat(report.closed()).isTrue();
    assertThat(report.levels()).extracting(ExhaustiveReport.Level::depth, ExhaustiveReport.Level::distinctStates)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 4),
            org.assertj.core.groups.Tuple.tuple(3, 4));
  }

  /**
   * The budget is checked between levels against the checker's clock. This clock advances 2 ms per
   * reading: the start is read once, then each level reads it twice (its row, then the check).
   */
  @Test
  void aSpentBudgetStopsAfterTheLevelThatSpentIt() {
    ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0, steppingClock()).check(3, 0);
    assertThat(report.levels()).extracting(ExhaustiveReport.Level::elapsedMillis).containsExactly(2L);
    assertThat(report.depthCompleted()).isEqualTo(1);
    assertThat(report.closed()).isFalse();
  }

  /** A budget exactly used up is not yet spent: level 1 ends at 4 ms on the clock's third reading. */
  @Test
  void aBudgetExactlyUsedUpLetsTheNextLevelRun() {
    ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0, steppingClock()).check(3, 4);
    assertThat(report.levels()).extracting(ExhaustiveReport.Level::elapsedMillis).containsExactly(2L, 6L);
    assertThat(report.depthCompleted()).isEqualTo(2);
  }

  /** A clock that reads 2 ms later each time it is read. */
  private static LongSupplier steppingClock() {
    AtomicLong nanos = new AtomicLong();
    return () -> nanos.addAndGet(2_000_000);
  }

  /** A leaking wrapper fails at finish; the leak the machine's close reports rides along as suppressed. */
  @Test
  void failureCarriesTheLeakOfTheFailingRun() {
    ExhaustiveReport report = new ExhaustiveChecker(new WrapperNeverReleases(), 1, 0).check(3, 60_000);
    assertThat(report.counterexample()).hasToString("[allocate(), h0.populate(rows=3)]");
    assertThat(report.depthCompleted()).isEqualTo(1);
    AssertionError failure = report.failed().orElseThrow();
    assertThat(failure.getMessage()).startsWith(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS.id());
    assertThat(failure.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
        .contains("Memory was leaked");
  }

  /**
   * Memory that only the machine's close finds (taken by the wrapper, never freed) fails the
   * sequence under the leave-nothing rule: the check reports it rather than throwing.
   */
  @Test
  void leakFoundWhenClosingAPassedSequenceIsReported() {
    ExhaustiveReport report = new ExhaustiveChecker(new LeakingSubject(), 1, 0).check(2, 60_000);
    assertThat(report.counterexample()).hasToString("[allocate()]");
    AssertionError failure = report.failed().orElseThrow();
    assertThat(failure.getMessage()).startsWith(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED.id() + " (")
        .contains("RecordBatchData: closing after the last step: java.lang.IllegalStateException: Memory was leaked");
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
  }

  /** An exception outside any step (populating a frame's source) is reported as a failure, with its cause. */
  @Test
  void exceptionOutsideAStepBecomesTheReportedFailure() {
    IllegalArgumentException bug = new IllegalArgumentException("frame sources refused");
    ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject() {
      @Override
      public void populate(RecordBatchData handle, BatchFiller filler) {
        if (handle.name().startsWith("f[")) {
          throw bug;
        }
        super.populate(handle, filler);
      }
    }, 1, 0).check(2, 60_000);
    assertThat(report.counterexample()).hasToString("[f = frame(rows=[3, 3, 3])]");
    assertThat(report.failed()).get().satisfies(f -> {
      assertThat(f).hasMessage(bug.toString());
      assertThat(f.getCause()).isSameAs(bug);
    });
  }

  /** The report text: verdict line, closed note, one line per level; depthCompleted per case. */
  @Test
  void reportTextAndDepthCompleted() {
    var level1 = new ExhaustiveReport.Level(1, 2, BigInteger.TWO, 3, 5);
    var level2 = new ExhaustiveReport.Level(2, 11, BigInteger.valueOf(11), 8, 9);
    ExhaustiveReport passed = new ExhaustiveReport("s", List.of(level1, level2), null, null, true);
    passed.assertPassed(); // does not throw
    assertThat(passed).hasToString(
        "s passed (closed: no new state at the last depth)\n"
            + "  depth 1: 2 sequences checked, 2 represented, 3 distinct states, 5 ms\n"
            + "  depth 2: 11 sequences checked, 11 represented, 8 distinct states, 9 ms")
        .extracting(ExhaustiveReport::depthCompleted).isEqualTo(2);
    ExhaustiveReport failed = new ExhaustiveReport("s", List.of(level1, level2), List.of(new Step.Allocate()),
        new AssertionError("x"), false);
    assertThat(failed.toString()).startsWith("s FAILED at [allocate()]\n  depth 1: ");
    assertThat(failed.depthCompleted()).isEqualTo(1); // the failing level is not completed
    assertThat(new ExhaustiveReport("s", List.of(), null, null, false).depthCompleted()).isZero();
  }
}
