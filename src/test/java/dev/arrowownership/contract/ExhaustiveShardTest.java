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

  private static BigInteger represented(Exploration run) {
    List<ExhaustiveReport.Level> levels = run.report().levels();
    return levels.get(levels.size() - 1).sequencesRepresented();
  }
}
