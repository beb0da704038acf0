package dev.arrowownership.contract;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The exhaustive search's graph, computed from the model alone: the same levels, states and moves
 * as the unsharded run (each state expanded once, from the first sequence reaching it, moves in
 * the same enumeration order), without running the subject. Every shard computes the whole plan
 * and runs only its share of the moves on the real subject ({@link Shard#owns}).
 *
 * <p>A planned state's key is {@link StepAlphabet#modelState}: the canonical state without the
 * implementation's reports, which a plan cannot see. The plan is the unsharded run's graph when
 * the reports are a function of the model's state (two runs that agree on model and origins report
 * alike) and extraction allocates as calibrated ({@link ExtractionCalibration}); a shard checks both
 * on every run it makes ({@link PlanCheck}). Each successor is found by replaying the move's sequence
 * on a fresh {@link ModelState} through {@link Step#predict}, the transitions the machine applies.
 */
final class ModelPlan {
  private final StepAlphabet alphabet;
  private final Set<SubjectFeature> features;
  private final ExtractionCalibration extraction;
  private final int shards;
  private final Set<String> seen = new HashSet<>();
  private Map<String, Planned> frontier = new LinkedHashMap<>();
  private final Map<String, Expanded> expanded = new HashMap<>();
  private Map<String, BigInteger> ways = new HashMap<>();
  private BigInteger[] represented = new BigInteger[0];
  private long moves;

  /** A state to expand: the first sequence reaching it and the steps possible there. */
  private record Planned(List<Step> sequence, List<Step> steps) {}

  /** An expanded state: the index of its first move (its moves are numbered consecutively) and their successors. */
  private record Expanded(long firstMove, List<String> successors) {}

  /**
   * One move of the plan: its index among all the plan's moves (enumeration order, level by level),
   * its sequence, and the model state it is predicted to reach (null for a shard's move off the plan).
   */
  record Move(long index, List<Step> sequence, String predicted) {}

  /**
   * @param shards the number of shards whose share of the sequences each level represents ({@link #represented})
   */
  ModelPlan(StepAlphabet alphabet, Set<SubjectFeature> features, ExtractionCalibration extraction, int shards) {
    this.alphabet = alphabet;
    this.features = features;
    this.extraction = extraction;
    String initial = StepAlphabet.initialState();
    seen.add(initial);
    frontier.put(initial, new Planned(List.of(), alphabet.stepsIn(new ModelState().model(), 0, features)));
    ways.put(initial, BigInteger.ONE);
    this.shards = shards;
  }

  /**
   * The moves from every state of the current level, in enumeration order, each with its predicted
   * successor; the successors not planned before become the next level.
   */
  List<Move> nextLevel() {
    List<List<Step>> sequences = new ArrayList<>();
    List<Expanded> from = new ArrayList<>(); // per move, the state it starts from
    frontier.forEach((state, planned) -> {
      Expanded expanding = new Expanded(moves + sequences.size(), new ArrayList<>());
      expanded.put(state, expanding);
      planned.steps.forEach(step -> {
        sequences.add(append(planned.sequence, step));
        from.add(expanding);
      });
    });
    List<String> successors = StreamSupport.stream(sequences.spliterator(), ExhaustiveChecker.PARALLEL)
        .map(sequence -> StepAlphabet.modelState(replay(sequence))).toList();
    List<Move> level = new ArrayList<>();
    Map<String, List<Step>> firstReaching = new LinkedHashMap<>();
    for (int i = 0; i < sequences.size(); i++) {
      String successor = successors.get(i);
      from.get(i).successors.add(successor);
      level.add(new Move(moves + i, sequences.get(i), successor));
      if (seen.add(successor)) {
        firstReaching.put(successor, sequences.get(i));
      }
    }
    moves += sequences.size();
    representLevel();
    // Replayed once more for the new states only (a few in a hundred moves): keeping every move's model
    // state from the replay above would hold a whole level of them in memory at once.
    Map<String, Planned> next = new LinkedHashMap<>();
    firstReaching.forEach((reached, sequence) -> next.put(reached,
        new Planned(sequence, alphabet.stepsIn(replay(sequence).model(), sequence.size(), features))));
    frontier = next;
    return level;
  }

  /**
   * Counts the sequences of this level's length by the shard owning their last move (a sequence
   * through a state expanded earlier ends with one of that state's moves), then steps the counts of
   * sequences reaching each state one level on.
   */
  private void representLevel() {
    represented = new BigInteger[shards];
    java.util.Arrays.fill(represented, BigInteger.ZERO);
    Map<String, BigInteger> nextWays = new HashMap<>();
    ways.forEach((state, count) -> {
      Expanded from = expanded.get(state);
      for (int i = 0; i < shards; i++) {
        long owned = new Shard(i + 1, shards).owned(from.firstMove, from.successors.size());
        represented[i] = represented[i].add(count.multiply(BigInteger.valueOf(owned)));
      }
      from.successors.forEach(successor -> nextWays.merge(successor, count, BigInteger::add));
    });
    ways = nextWays;
  }

  /** The sequences of the last planned level's length whose last move is {@code shard}'s. */
  BigInteger represented(Shard shard) {
    return represented[shard.index() - 1];
  }

  /** True once a level planned no new state: every state within reach has been expanded. */
  boolean closed() {
    return frontier.isEmpty();
  }

  /** Whether the plan has reached the state with model key {@code modelState} by the last level planned. */
  boolean knows(String modelState) {
    return seen.contains(modelState);
  }

  /** The moves planned so far, all shards' together. */
  long moves() {
    return moves;
  }

  private ModelState replay(List<Step> sequence) {
    ModelState state = new ModelState();
    sequence.forEach(step -> step.predict(state, extraction));
    return state;
  }

  static List<Step> append(List<Step> sequence, Step step) {
    List<Step> longer = new ArrayList<>(sequence);
    longer.add(step);
    return List.copyOf(longer);
  }
}
