package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;

import dev.arrowownership.model.ExactlyOnceModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.StreamSupport;

/**
 * Bounded exhaustive checking: every operation sequence up to a depth, level by level, each run on
 * the real subject through an {@link OwnershipMachine} (so checked against the exactly-once model
 * step by step, then closed and checked for leaks). States equal up to renaming handles are
 * explored once, from the first (shortest) sequence reaching them; a sequence reaching a state
 * already seen is checked but not extended. Because levels go by length, the first failure found
 * is a shortest counterexample, and because a level's outcomes are read in enumeration order
 * (whatever order they ran in), it is the same one in every run.
 *
 * <p>A state ({@link StepAlphabet#canonicalState}) is the model's view, how each handle got there
 * and what the implementation reports: pruning assumes a wrapper behaves alike where all of that
 * agrees.
 */
public final class ExhaustiveChecker {
  /** Runs each depth's sequences on all cores; {@code -Darrowownership.exhaustive.parallel=false} runs them on one. */
  static final boolean PARALLEL = Boolean.parseBoolean(System.getProperty("arrowownership.exhaustive.parallel", "true"));
  /** The call a leak found when the machine's allocators close is attributed to. */
  static final String CLOSING = "closing after the last step";

  private final OwnershipSubject<?, ?> subject;
  private final Set<SubjectFeature> features;
  private final StepAlphabet alphabet;
  private final LongSupplier nanoClock;
  private final Shard shard;

  /**
   * A checker over {@code handles} handles, one frame of three batches (so that their order can be
   * wrong), and {@code faultPoints} failing allocations per extraction.
   */
  public ExhaustiveChecker(OwnershipSubject<?, ?> subject, int handles, int faultPoints) {
    this(subject, handles, faultPoints, System::nanoTime);
  }

  /** Reads time from {@code nanoClock}: tests decide the budget's outcome, not the machine's speed. */
  ExhaustiveChecker(OwnershipSubject<?, ?> subject, int handles, int faultPoints, LongSupplier nanoClock) {
    this(subject, new StepAlphabet(handles, faultPoints, List.of(StepAlphabet.ROWS, StepAlphabet.ROWS, StepAlphabet.ROWS)), nanoClock);
  }

  /** Takes the steps of {@code alphabet}: tests pick one whose states close within a few levels. */
  ExhaustiveChecker(OwnershipSubject<?, ?> subject, StepAlphabet alphabet, LongSupplier nanoClock) {
    this(subject, SubjectFeature.checkDeclared(subject), alphabet, nanoClock, Shard.ALL); // fails fast, before any sequence runs
  }

  private ExhaustiveChecker(OwnershipSubject<?, ?> subject, Set<SubjectFeature> features, StepAlphabet alphabet,
      LongSupplier nanoClock, Shard shard) {
    this.subject = subject;
    this.features = features;
    this.alphabet = alphabet;
    this.nanoClock = nanoClock;
    this.shard = shard;
  }

  /**
   * The same check restricted to one part of the search ({@link Shard}): shards {@code 1/n} to
   * {@code n/n} together check every sequence this checker does, each sequence in exactly one of them.
   */
  public ExhaustiveChecker in(Shard shard) {
    return new ExhaustiveChecker(subject, features, alphabet, nanoClock, shard);
  }

  /**
   * Checks every sequence of up to {@code depth} steps, stopping early (between levels) once
   * {@code budgetMillis} have passed. Never throws for a broken subject: the report says.
   */
  public ExhaustiveReport check(int depth, long budgetMillis) {
    return explore(depth, budgetMillis).report();
  }

  /**
   * Every distinct way the subject breaks the contract within the bounds, each with its shortest
   * sequence: where {@link #check} stops at the first failing sequence, this goes on. Two failures
   * are one way when they break one rule at one operation ({@link ContractViolation#operation()});
   * the first found is kept, a shortest one by the order of the levels, the same in every run.
   *
   * <p>A sequence that broke a rule at one of its steps is not extended: what follows a broken step
   * says nothing the model can judge. A sequence whose steps all passed but whose closing broke a
   * rule (a leak, found when everything is closed) reached a state the model agrees with: it is
   * extended like a passing one, so a wrapper that leaks on every close still has its other defects
   * found.
   */
  public ExhaustiveSurvey survey(int depth, long budgetMillis) {
    Map<String, ExhaustiveSurvey.Finding> findings = new LinkedHashMap<>();
    ExhaustiveReport explored = explore(depth, budgetMillis, findings).report();
    return new ExhaustiveSurvey(explored, List.copyOf(findings.values()));
  }

  /** What {@link #check} reports, and every state it saw (for tests comparing shards with the whole). */
  Exploration explore(int depth, long budgetMillis) {
    return explore(depth, budgetMillis, null);
  }

  /** Explores level by level; with {@code findings} null stops at the first failure, else records each and goes on. */
  private Exploration explore(int depth, long budgetMillis, Map<String, ExhaustiveSurvey.Finding> findings) {
    Search search = new Search(nanoClock.getAsLong(), budgetMillis, findings);
    ExactlyOnceModel empty = new ExactlyOnceModel();
    Reached initial = new Reached(List.of(), StepAlphabet.initialState(), alphabet.stepsIn(empty, 0, features));
    search.visited.add(initial.state);
    if (shard.count() == 1) {
      return explore(search, new LinkedHashMap<>(Map.of(initial.state, initial)),
          new HashMap<>(Map.of(initial.state, BigInteger.ONE)), 1, depth);
    }
    return exploreShard(search, initial, depth);
  }

  /**
   * A shard: every sequence is run, without merging equal states, up to the first depth with enough
   * sequences to deal out; this shard's share of them seeds the search from there on. States seen
   * before the split are not treated as explored afterwards: each shard explores all that grows
   * from its share, so the sequences it stands for are exactly those starting with its share.
   */
  private Exploration exploreShard(Search search, Reached initial, int depth) {
    List<Reached> level = List.of(initial);
    for (int d = 1; d <= depth && !level.isEmpty(); d++) {
      List<List<Step>> sequences = new ArrayList<>();
      level.forEach(from -> from.steps.forEach(step -> sequences.add(append(from.sequence, step))));
      boolean split = shard.splitsAt(sequences.size());
      if (split) {
        search.splitDepth = d;
      }
      List<List<Step>> mine = split ? dealt(sequences) : sequences;
      List<Ran> outcomes = runAll(mine);
      List<Reached> reached = new ArrayList<>();
      for (int i = 0; i < mine.size(); i++) {
        search.checked++;
        Ran ran = outcomes.get(i);
        if (ran.failure != null && search.stopsAt(mine.get(i), ran)) {
          return search.failed(d, search.visited.size(), mine.get(i), ran.failure);
        }
        if (ran.reached != null) {
          reached.add(ran.reached);
          search.visited.add(ran.reached.state);
        }
      }
      search.represented = search.represented.add(BigInteger.valueOf(mine.size()));
      search.levels.add(search.level(d, search.visited.size()));
      if (split) {
        Map<String, Reached> seeds = new LinkedHashMap<>();
        Map<String, BigInteger> ways = new HashMap<>();
        reached.forEach(r -> {
          seeds.putIfAbsent(r.state, r);
          ways.merge(r.state, BigInteger.ONE, BigInteger::add);
        });
        return explore(search, seeds, ways, d + 1, depth);
      }
      level = reached;
      if (search.overBudget()) {
        break;
      }
    }
    return search.ended(level.isEmpty());
  }

  /** This shard's share of one depth's sequences, in enumeration order. */
  private List<List<Step>> dealt(List<List<Step>> sequences) {
    List<List<Step>> mine = new ArrayList<>();
    for (int k = 0; k < sequences.size(); k++) {
      if (shard.owns(k)) {
        mine.add(sequences.get(k));
      }
    }
    return mine;
  }

  /**
   * The search proper, from depth {@code from} on: the states of {@code frontier} (reached by
   * {@code ways} sequences each) are expanded level by level, each new state once.
   */
  private Exploration explore(Search search, Map<String, Reached> frontier, Map<String, BigInteger> ways, int from,
      int depth) {
    Map<String, Reached> seen = new HashMap<>(frontier);
    Map<String, List<String>> transitions = new HashMap<>(); // state -> successor states, once expanded
    for (int d = from; d <= depth && !frontier.isEmpty(); d++) {
      Map<String, Reached> next = new LinkedHashMap<>();
      List<Move> moves = new ArrayList<>();
      frontier.values().forEach(r -> r.steps.forEach(step -> moves.add(new Move(r.state, append(r.sequence, step)))));
      List<Ran> outcomes = runAll(moves.stream().map(Move::sequence).toList());
      for (int i = 0; i < moves.size(); i++) {
        search.checked++;
        Ran ran = outcomes.get(i);
        if (ran.failure != null && search.stopsAt(moves.get(i).sequence, ran)) {
          return search.failed(d, seen.size(), moves.get(i).sequence, ran.failure);
        }
        if (ran.reached == null) {
          continue; // a step broke a rule: not a state of the model's
        }
        Reached reached = ran.reached;
        transitions.computeIfAbsent(moves.get(i).from, k -> new ArrayList<>()).add(reached.state);
        if (seen.putIfAbsent(reached.state, reached) == null) {
          next.put(reached.state, reached);
          search.visited.add(reached.state);
        }
      }
      Map<String, BigInteger> nextWays = new HashMap<>();
      ways.forEach((state, count) -> transitions.getOrDefault(state, List.of())
          .forEach(successor -> nextWays.merge(successor, count, BigInteger::add)));
      ways = nextWays;
      search.represented = ways.values().stream().reduce(search.represented, BigInteger::add);
      search.levels.add(search.level(d, seen.size()));
      frontier = next;
      if (search.overBudget()) {
        break;
      }
    }
    return search.ended(frontier.isEmpty()); // empty: every state reachable within the bounds is explored, at any depth
  }

  /**
   * Runs each sequence on its own machine, allocator and ledger: on every core, then read in
   * enumeration order so that the report does not depend on timing.
   */
  private List<Ran> runAll(List<List<Step>> sequences) {
    return StreamSupport.stream(sequences.spliterator(), PARALLEL).map(this::outcome).toList();
  }

  /** The totals of one run as it goes, and the reports it ends with. */
  private final class Search {
    final long start;
    final long budgetMillis;
    final List<ExhaustiveReport.Level> levels = new ArrayList<>();
    final Set<String> visited = new HashSet<>();
    /** Null for a check, which stops at the first failure; a survey's findings so far. */
    final Map<String, ExhaustiveSurvey.Finding> findings;
    long checked;
    BigInteger represented = BigInteger.ZERO;
    int splitDepth;

    Search(long start, long budgetMillis, Map<String, ExhaustiveSurvey.Finding> findings) {
      this.start = start;
      this.budgetMillis = budgetMillis;
      this.findings = findings;
    }

    /** Whether a failure ends the run (a check); a survey records the first of its kind and goes on. */
    boolean stopsAt(List<Step> sequence, Ran ran) {
      if (findings == null) {
        return true;
      }
      ExhaustiveSurvey.Finding finding = new ExhaustiveSurvey.Finding(sequence, ran.failure);
      findings.putIfAbsent(finding.kind(), finding);
      return false;
    }

    ExhaustiveReport.Level level(int depth, int states) {
      return new ExhaustiveReport.Level(depth, checked, represented, states, elapsed(start));
    }

    boolean overBudget() {
      return elapsed(start) > budgetMillis;
    }

    Exploration failed(int depth, int states, List<Step> sequence, AssertionError failure) {
      levels.add(level(depth, states));
      return new Exploration(new ExhaustiveReport(reportName(splitDepth), levels, sequence, failure, false),
          Set.copyOf(visited), splitDepth);
    }

    Exploration ended(boolean closed) {
      return new Exploration(new ExhaustiveReport(reportName(splitDepth), levels, null, null, closed),
          Set.copyOf(visited), splitDepth);
    }
  }

  /**
   * A report, the states (up to handle renaming) the run saw, and the depth whose sequences were
   * dealt out among the shards (0: not split).
   */
  record Exploration(ExhaustiveReport report, Set<String> states, int splitDepth) {}

  /** One step taken from an explored state. */
  private record Move(String from, List<Step> sequence) {}

  /**
   * What running a sequence gave: the state its steps reached (null if a step failed) and the
   * failure, if a step or the closing after the last step failed.
   */
  private record Ran(Reached reached, AssertionError failure) {}

  /** A state, the first sequence that reached it, and the steps possible from it. */
  private record Reached(List<Step> sequence, String state, List<Step> steps) {}

  /**
   * Replays {@code sequence} on a fresh machine, closes everything, and returns the state reached and
   * the failure, if any. Memory the machine's allocators still hold at close fails it like a failed step.
   */
  private Ran outcome(List<Step> sequence) {
    OwnershipMachine<?, ?> machine = new OwnershipMachine<>(subject);
    Reached reached = null;
    try {
      sequence.forEach(step -> step.applyTo(machine));
      reached = new Reached(sequence, StepAlphabet.canonicalState(machine),
          alphabet.stepsIn(machine.model(), sequence.size(), features));
      machine.finish();
    } catch (AssertionError | RuntimeException failure) {
      closeQuietly(machine, failure);
      return new Ran(reached, failure instanceof AssertionError error ? error : new AssertionError(failure.toString(), failure));
    }
    try {
      machine.close();
    } catch (RuntimeException leak) {
      return new Ran(reached, new ContractViolation(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED, CLOSING,
          Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED.failure(subject.name() + ": " + CLOSING + ": " + leak), leak));
    }
    return new Ran(reached, null);
  }

  private static void closeQuietly(OwnershipMachine<?, ?> machine, Throwable failure) {
    try {
      machine.close();
    } catch (RuntimeException leakedByTheBug) {
      failure.addSuppressed(leakedByTheBug);
    }
  }

  private static List<Step> append(List<Step> sequence, Step step) {
    List<Step> longer = new ArrayList<>(sequence);
    longer.add(step);
    return List.copyOf(longer);
  }

  /** The subject's name, the features checked and the shard, as the report's first line shows them. */
  private String reportName(int splitDepth) {
    String name = subject.name() + " (" + SubjectFeature.describe(features) + ")";
    if (shard.count() == 1) {
      return name;
    }
    return name + ", shard " + shard + (splitDepth > 0 ? " of the sequences of depth " + splitDepth + " and all they lead to"
        : " (the search ended before a depth with " + Shard.SPLIT_FACTOR * shard.count()
            + " sequences to split: this shard checked all of it)");
  }

  private long elapsed(long start) {
    return (nanoClock.getAsLong() - start) / 1_000_000;
  }
}
