package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.contract.ExhaustiveChecker.Exploration;
import dev.arrowownership.fixtures.WrapperNeverReleases;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Shards divide the search: over one handle, one fault point and a three-batch frame to depth 3,
 * two and three shards together run exactly the sequences of the unsharded run, each in one shard
 * and each shard about its share, and see exactly its states; a broken wrapper's shortest
 * counterexample is the least over the shards; a wrapper the plan mispredicts is explored anyway.
 */
class ExhaustiveShardTest {
  private static final int DEPTH = 3;

  /** One run and the sequences it ran, in order. */
  private record Run(Exploration exploration, List<List<Step>> sequences) {}

  @Test
  void twoShardsTogetherRunExactlyTheWholeRun() {
    shardsTogetherRunExactlyTheWholeRun(2);
  }

  @Test
  void threeShardsTogetherRunExactlyTheWholeRun() {
    shardsTogetherRunExactlyTheWholeRun(3);
  }

  private static void shardsTogetherRunExactlyTheWholeRun(int n) {
    Run whole = run(RecordBatchDataSubject::new, Shard.ALL);
    List<Run> shards = IntStream.rangeClosed(1, n).mapToObj(i -> run(RecordBatchDataSubject::new, new Shard(i, n))).toList();

    List<List<Step>> together = new ArrayList<>();
    shards.forEach(shard -> together.addAll(shard.sequences));
    assertThat(new HashSet<>(whole.sequences)).as("no sequence run twice unsharded").hasSize(whole.sequences.size());
    assertThat(together).as("each sequence in exactly one shard").hasSameSizeAs(whole.sequences)
        .containsExactlyInAnyOrderElementsOf(whole.sequences);
    long checked = whole.sequences.size();
    assertThat(shards).allSatisfy(shard -> {
      assertThat((long) shard.sequences.size()).as("a shard's share").isBetween(checked / n, checked / n + 1);
      assertThat(last(shard).sequencesChecked()).isEqualTo(shard.sequences.size());
      assertThat(shard.exploration.plannedMoves()).isEqualTo(checked);
      assertThat(shard.exploration.unpredictedStates()).isZero();
    });

    Set<String> union = new HashSet<>();
    shards.forEach(shard -> union.addAll(shard.exploration.states()));
    assertThat(union).as("states, with the wrapper's reports").isEqualTo(whole.exploration.states());
    for (int depth = 1; depth <= DEPTH; depth++) {
      final int d = depth;
      BigInteger spread = shards.stream().map(shard -> represented(shard, d)).reduce(BigInteger.ZERO, BigInteger::add);
      assertThat(spread).as("sequences of length up to %d represented", depth).isEqualTo(represented(whole, depth));
    }
    assertThat(shards.get(n - 1).exploration.report().subject()).isEqualTo("RecordBatchData (features [FRAME]), shard "
        + n + "/" + n + " of the moves of a model-only plan (" + checked + " moves planned, "
        + shards.get(n - 1).sequences.size() + " run here, 0 mispredicted, 0 unpredicted states explored here)");
  }

  /**
   * The plan keys states without the wrapper's reports; for the reference wrapper, with and without
   * the frame, and the copying holder, that merges no two states: as many states either way.
   */
  @Test
  void theReportsAddNoStateForTheReferenceWrappers() {
    for (Supplier<OwnershipSubject<?, ?>> subject : List.<Supplier<OwnershipSubject<?, ?>>>of(RecordBatchDataSubject::new,
        HandlesOnlySubject::new, CopyingHolderSubject::emptyCopy)) {
      Exploration whole = new ExhaustiveChecker(subject.get(), 2, 1).explore(4, 60_000);
      assertThat(whole.states()).hasSizeGreaterThan(20).hasSameSizeAs(whole.modelStates());
    }
  }

  /** A broken wrapper fails in some shard, with the whole run's counterexample the least over the shards. */
  @Test
  void theShortestCounterexampleIsTheLeastOverTheShards() {
    Exploration whole = run(WrapperNeverReleases::new, Shard.ALL).exploration;
    assertThat(whole.report().failed()).isPresent();
    for (int n = 2; n <= 3; n++) {
      final int count = n;
      List<Exploration> failed = IntStream.rangeClosed(1, n)
          .mapToObj(i -> run(WrapperNeverReleases::new, new Shard(i, count)).exploration)
          .filter(shard -> shard.report().failed().isPresent()).toList();
      Exploration least = failed.stream().min(Comparator.comparingInt((Exploration e) -> e.report().counterexample().size())
          .thenComparingLong(Exploration::failedMove)).orElseThrow(() -> new AssertionError("no shard found the bug"));
      assertThat(least.report().counterexample()).isEqualTo(whole.report().counterexample());
      assertThat(least.failedMove()).isEqualTo(whole.failedMove()).isEqualTo(whole.report().levels().get(0).sequencesChecked());
    }
  }

  /**
   * A wrapper whose extraction allocates once more beside a handle: the plan, calibrated on a lone
   * frame (of no batches: no allocation, so no fault fires), predicts that allocation #0 does not
   * fail there, and the run finds it does. The shard that ran it says so and explores the state the
   * plan missed itself, every step from it: the shards still see exactly the states of the unsharded
   * run, and close with it.
   */
  @Test
  void aMispredictedRunIsReportedAndExploredByItsShard() {
    StepAlphabet emptyFrame = new StepAlphabet(1, 1, List.of());
    Exploration whole = new ExhaustiveChecker(new ExtractionAllocatesMoreBesideHandles(), emptyFrame, System::nanoTime)
        .explore(40, 60_000);
    assertThat(whole.report().failed()).isEmpty();
    assertThat(whole.report().closed()).isTrue();
    Set<String> union = new HashSet<>();
    List<List<Step>> sequences = new ArrayList<>();
    List<Integer> unpredicted = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Exploration shard = new ExhaustiveChecker(new ExtractionAllocatesMoreBesideHandles(), emptyFrame, System::nanoTime)
          .in(new Shard(i, 2)).explore(40, 60_000, sequences::add);
      assertThat(shard.report().failed()).isEmpty();
      assertThat(shard.report().closed()).isTrue();
      union.addAll(shard.states());
      unpredicted.add(shard.unpredictedStates());
    }
    assertThat(union).isEqualTo(whole.states());
    assertThat(unpredicted).containsExactly(4, 0);
    List<Step> mispredicted = List.of(new Step.Allocate(), new Step.NewFrame(List.of(), 1), new Step.Extract(0));
    assertThat(sequences).as("the steps from the unpredicted state, run off the plan")
        .contains(ModelPlan.append(mispredicted, new Step.CloseFrame()), ModelPlan.append(mispredicted, new Step.Extract(-1)));
    Exploration first = new ExhaustiveChecker(new ExtractionAllocatesMoreBesideHandles(), emptyFrame, System::nanoTime)
        .in(new Shard(1, 2)).explore(40, 60_000);
    assertThat(first.report().subject()).contains(", 4 mispredicted, 4 unpredicted states explored here, first: "
        + "[allocate(), f = frame(rows=[]), f.extractRecordBatches() [allocation #0 fails]]: predicted [E:new:]|EXTRACTED:extracted[],"
        + " reached [E:new:-,0,as]|OPEN:faulted#0[])");
  }

  /**
   * A survey in shards finds the kinds of defect the whole survey finds. The plan does not know which
   * runs fail, so it also expands the states reached only through a failing step: their sequences
   * fail at that step again, adding runs but no kind.
   */
  @Test
  void aSurveyInShardsFindsWhatTheWholeSurveyFinds() {
    Set<String> whole = kinds(new ExhaustiveChecker(new WrapperNeverReleases(), 1, 0).survey(DEPTH, 60_000));
    Set<String> sharded = new HashSet<>();
    for (int i = 1; i <= 2; i++) {
      sharded.addAll(kinds(new ExhaustiveChecker(new WrapperNeverReleases(), 1, 0).in(new Shard(i, 2)).survey(DEPTH, 60_000)));
    }
    assertThat(whole).isNotEmpty();
    assertThat(sharded).isEqualTo(whole);
  }

  /**
   * Every first step of a wrapper that cannot allocate fails: the unsharded survey has nothing to
   * extend and closes at depth 1, while the shards' plan goes on through the failing allocate()
   * (every such run fails at it again) and finds the same one kind.
   */
  @Test
  void statesReachedOnlyThroughAFailingStepArePlannedAndFailAgain() {
    Supplier<OwnershipSubject<?, ?>> refusesToAllocate = () -> new RecordBatchDataHandles<Void>() {
      @Override
      public dev.arrowownership.wrapper.RecordBatchData allocate(org.apache.arrow.memory.BufferAllocator allocator, String name) {
        throw new IllegalStateException("no handles today");
      }
    };
    ExhaustiveSurvey whole = new ExhaustiveChecker(refusesToAllocate.get(), 1, 0).survey(DEPTH, 60_000);
    assertThat(whole.exploration().levels()).hasSize(1);
    assertThat(whole.exploration().closed()).isTrue();
    Set<String> sharded = new HashSet<>();
    for (int i = 1; i <= 2; i++) {
      ExhaustiveSurvey shard = new ExhaustiveChecker(refusesToAllocate.get(), 1, 0).in(new Shard(i, 2)).survey(DEPTH, 60_000);
      assertThat(shard.exploration().levels()).hasSize(DEPTH);
      sharded.addAll(kinds(shard));
    }
    assertThat(sharded).isEqualTo(kinds(whole)).hasSize(1);
  }

  /** A spent budget stops a shard after the depth that spent it. */
  @Test
  void aSpentBudgetStopsAShardAfterTheDepthThatSpentIt() {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    Exploration shard = new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0, () -> nanos.addAndGet(2_000_000))
        .in(new Shard(1, 2)).explore(DEPTH, 0);
    assertThat(shard.report().levels()).hasSize(1);
    assertThat(shard.report().closed()).isFalse();
  }

  /** A shard of a search that closes says so, like the unsharded run: no state planned at the last depth. */
  @Test
  void aShardOfAClosingSearchCloses() {
    StepAlphabet noHandles = new StepAlphabet(0, 0, List.of());
    ExhaustiveReport whole = new ExhaustiveChecker(new RecordBatchDataSubject(), noHandles, System::nanoTime).check(10, 60_000);
    ExhaustiveReport shard = new ExhaustiveChecker(new RecordBatchDataSubject(), noHandles, System::nanoTime)
        .in(new Shard(2, 2)).check(10, 60_000);
    assertThat(whole.closed()).isTrue();
    assertThat(shard.closed()).isTrue();
    assertThat(shard.levels()).hasSameSizeAs(whole.levels());
  }

  @Test
  void shardsParseFromIOverN() {
    assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse("1/1")).isEqualTo(Shard.ALL);
    for (String bad : List.of("0/4", "5/4", "2", "a/b", "1/0", "1/2/3", "")) {
      assertThatThrownBy(() -> Shard.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("arrowownership.exhaustive.shard").hasMessageContaining("'" + bad + "'");
    }
    assertThat(new Shard(3, 4)).hasToString("3/4");
  }

  @Test
  void eachMoveBelongsToExactlyOneShard() {
    for (long k = 0; k < 20; k++) {
      final long move = k;
      assertThat(IntStream.rangeClosed(1, 3).filter(i -> new Shard(i, 3).owns(move))).hasSize(1);
    }
    assertThat(new Shard(2, 3).owns(4)).isTrue();
    assertThat(new Shard(2, 3).owns(5)).isFalse();
  }

  private static Run run(Supplier<OwnershipSubject<?, ?>> subject, Shard shard) {
    List<List<Step>> sequences = new ArrayList<>();
    Exploration exploration = new ExhaustiveChecker(subject.get(), 1, 1).in(shard).explore(DEPTH, 60_000, sequences::add);
    return new Run(exploration, sequences);
  }

  private static ExhaustiveReport.Level last(Run run) {
    List<ExhaustiveReport.Level> levels = run.exploration.report().levels();
    return levels.get(levels.size() - 1);
  }

  private static BigInteger represented(Run run, int depth) {
    return run.exploration.report().levels().get(depth - 1).sequencesRepresented();
  }

  private static Set<String> kinds(ExhaustiveSurvey survey) {
    Set<String> kinds = new HashSet<>();
    survey.findings().forEach(f -> kinds.add(f.kind()));
    return kinds;
  }
}
