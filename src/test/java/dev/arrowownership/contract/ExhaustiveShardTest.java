package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.contract.ExhaustiveChecker.Exploration;
import dev.arrowownership.fixtures.WrapperNeverReleases;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Shards split the search without losing or doubling a sequence: over one handle and no faults to
 * depth 3, two shards together see exactly the states of the whole run, and each depth past the
 * split has exactly the whole run's sequences spread over the shards, each shard standing for a part.
 */
class ExhaustiveShardTest {
  private static final int DEPTH = 3;
  private static final int SHARDS = 2;

  @Test
  void twoShardsTogetherAreTheWholeSearch() {
    Exploration whole = explore(new RecordBatchDataSubject(), Shard.ALL);
    List<Exploration> shards = IntStream.rangeClosed(1, SHARDS)
        .mapToObj(i -> explore(new RecordBatchDataSubject(), new Shard(i, SHARDS))).toList();

    assertThat(whole.splitDepth()).isZero();
    int split = shards.get(0).splitDepth();
    assertThat(split).as("the first depth with %d or more sequences", Shard.SPLIT_FACTOR * SHARDS).isEqualTo(2);
    assertThat(shards).allSatisfy(shard -> assertThat(shard.splitDepth()).isEqualTo(split));

    Set<String> union = new HashSet<>();
    shards.forEach(shard -> union.addAll(shard.states()));
    assertThat(union).isEqualTo(whole.states());

    for (int depth = 1; depth <= DEPTH; depth++) {
      BigInteger expected = sequencesOfLength(whole, depth);
      if (depth < split) {
        for (Exploration shard : shards) {
          assertThat(sequencesOfLength(shard, depth)).as("depth %d, run by every shard", depth).isEqualTo(expected);
        }
      } else {
        final int d = depth;
        BigInteger spread = shards.stream().map(shard -> sequencesOfLength(shard, d)).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(spread).as("depth %d, dealt out", depth).isEqualTo(expected);
      }
    }
    // Sequences run: before the split every shard runs the whole run's; at the split each its share.
    long runBeforeSplit = whole.report().levels().get(split - 2).sequencesChecked();
    long runAtSplit = shards.stream().mapToLong(shard -> shard.report().levels().get(split - 1).sequencesChecked()
        - shard.report().levels().get(split - 2).sequencesChecked()).sum();
    assertThat(shards).allSatisfy(shard ->
        assertThat(shard.report().levels().get(split - 2).sequencesChecked()).isEqualTo(runBeforeSplit));
    assertThat(runAtSplit).isEqualTo(sequencesOfLength(whole, split).longValueExact());
    BigInteger wholeSequences = represented(whole);
    assertThat(shards).allSatisfy(shard -> assertThat(represented(shard)).isLessThan(wholeSequences));
    assertThat(shards.get(1).report().subject()).endsWith("shard 2/2 of the sequences of depth 2 and all they lead to");
  }

  /** A broken wrapper fails in some shard, with a counterexample as short as the whole run's. */
  @Test
  void theShortestCounterexampleIsTheShortestOverTheShards() {
    ExhaustiveReport whole = explore(new WrapperNeverReleases(), Shard.ALL).report();
    List<ExhaustiveReport> shards = IntStream.rangeClosed(1, SHARDS)
        .mapToObj(i -> explore(new WrapperNeverReleases(), new Shard(i, SHARDS)).report()).toList();
    assertThat(whole.failed()).isPresent();
    int shortest = shards.stream().filter(r -> r.failed().isPresent()).mapToInt(r -> r.counterexample().size()).min()
        .orElseThrow(() -> new AssertionError("no shard found the bug: " + shards));
    assertThat(shortest).isEqualTo(whole.counterexample().size());
  }

  /**
   * A search whose bound comes before any depth has enough sequences to deal out is run whole by
   * every shard: with no handles and an empty frame, depth 3 has fewer than 8 sequences.
   */
  @Test
  void aSearchTooSmallToSplitIsRunWholeByEveryShard() {
    Exploration shard = new ExhaustiveChecker(new RecordBatchDataSubject(), new StepAlphabet(0, 0, List.of()),
        System::nanoTime).in(new Shard(2, 2)).explore(3, 60_000);
    assertThat(shard.splitDepth()).isZero();
    assertThat(shard.report().levels()).hasSize(3);
    assertThat(shard.report().subject()).endsWith("shard 2/2 (the search ended before a depth with 8 sequences to split:"
        + " this shard checked all of it)");
  }

  /** A survey in shards finds the kinds of defect the whole survey finds, each in some shard. */
  @Test
  void aSurveyInShardsFindsWhatTheWholeSurveyFinds() {
    Set<String> whole = kinds(new ExhaustiveChecker(new WrapperNeverReleases(), 1, 0).survey(DEPTH, 60_000));
    Set<String> sharded = new HashSet<>();
    for (int i = 1; i <= SHARDS; i++) {
      sharded.addAll(kinds(new ExhaustiveChecker(new WrapperNeverReleases(), 1, 0).in(new Shard(i, SHARDS)).survey(DEPTH, 60_000)));
    }
    assertThat(whole).isNotEmpty();
    assertThat(sharded).isEqualTo(whole);
  }

  /**
   * A shard's survey in which every first step breaks a rule has nothing to extend: it ends after
   * depth 1 (every state reachable was seen), whatever the depth asked for.
   */
  @Test
  void aShardWhoseSequencesAllFailEndsWhereNothingIsLeft() {
    OwnershipSubject<?, ?> refusesToAllocate = new RecordBatchDataHandles<Void>() {
      @Override
      public dev.arrowownership.wrapper.RecordBatchData allocate(org.apache.arrow.memory.BufferAllocator allocator, String name) {
        throw new IllegalStateException("no handles today");
      }
    };
    ExhaustiveSurvey survey = new ExhaustiveChecker(refusesToAllocate, 1, 0).in(new Shard(2, 2)).survey(DEPTH, 60_000);
    assertThat(survey.findings()).isNotEmpty();
    assertThat(survey.exploration().levels()).hasSize(1);
    assertThat(survey.exploration().closed()).isTrue();
  }

  /** A spent budget stops a shard before its split too, after the depth that spent it. */
  @Test
  void aSpentBudgetStopsAShardBeforeItsSplit() {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    Exploration shard = new ExhaustiveChecker(new RecordBatchDataSubject(), 1, 0, () -> nanos.addAndGet(2_000_000))
        .in(new Shard(1, 50)).explore(DEPTH, 0);
    assertThat(shard.splitDepth()).isZero();
    assertThat(shard.report().levels()).hasSize(1);
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
  void eachSequenceOfTheSplitDepthBelongsToExactlyOneShard() {
    for (int k = 0; k < 20; k++) {
      final int index = k;
      assertThat(IntStream.rangeClosed(1, 3).filter(i -> new Shard(i, 3).owns(index))).hasSize(1);
    }
    assertThat(new Shard(1, 3).splitsAt(11)).isFalse();
    assertThat(new Shard(1, 3).splitsAt(12)).isTrue();
    assertThat(Shard.ALL.splitsAt(1_000)).isFalse();
  }

  private static Exploration explore(OwnershipSubject<?, ?> subject, Shard shard) {
    return new ExhaustiveChecker(subject, 1, 0).in(shard).explore(DEPTH, 60_000);
  }

  private static BigInteger sequencesOfLength(Exploration run, int depth) {
    List<ExhaustiveReport.Level> levels = run.report().levels();
    BigInteger upTo = levels.get(depth - 1).sequencesRepresented();
    return depth == 1 ? upTo : upTo.subtract(levels.get(depth - 2).sequencesRepresented());
  }

  private static Set<String> kinds(ExhaustiveSurvey survey) {
    Set<String> kinds = new HashSet<>();
    survey.findings().forEach(f -> kinds.add(f.kind()));
    return kinds;
  }

  private static BigInteger represented(Exploration run) {
    List<ExhaustiveReport.Level> levels = run.report().levels();
    return levels.get(levels.size() - 1).sequencesRepresented();
  }
}
