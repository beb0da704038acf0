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
import java.util.function.Consumer;
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
   * {@code n/n} together run every sequence this checker does, each sequence in exactly one of them,
   * planned from the model alone ({@link ModelPlan}) and checked against the plan ({@link PlanCheck}).
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
    ExhaustiveReport explored = explore(depth, budgetMillis, findings, sequence -> { }).report();
    return new ExhaustiveSurvey(explored, List.copyOf(findings.values()));
  }

  /** What {@link #check} reports, and every state it saw (for tests comparing shards with the whole). */
  Exploration explore(int depth, long budgetMillis) {
    return explore(depth, budgetMillis, null, sequence -> { });
  }

  /** {@link #explore(int, long)}, handing every sequence run on the subject to {@code checked}, in enumeration order. */
  Exploration explore(int depth, long budgetMillis, Consumer<List<Step>> checked) {
    return explore(depth, budgetMillis, null, checked);
  }

  /** Explores level by level; with {@code findings} null stops at the first failure, else records each and goes on. */
  private Exploration explore(int depth, long budgetMillis, Map<String, ExhaustiveSurvey.Finding> findings,
      Consumer<List<Step>> checked) {
    Search search = new Search(nanoClock.getAsLong(), budgetMillis, findings, checked);
    String initial = StepAlphabet.initialState();
    search.visit(initial, initial);
    if (shard.count() == 1) {
      Reached start = new Reached(List.of(), initial, initial, alphabet.stepsIn(new ExactlyOnceModel(), 0, features));
      return explore(search, new LinkedHashMap<>(Map.of(initial, start)), new HashMap<>(Map.of(initial, BigInteger.ONE)),
          1, depth);
    }
    ModelPlan plan = new ModelPlan(alphabet, features, ExtractionCalibration.of(subject, features, alphabet),
        shard.count());
    return new PlannedShard(shard, plan, this::runAll, search).explore(depth);
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
      frontier.values().forEach(r -> r.steps.forEach(step -> moves.add(new Move(r.state, ModelPlan.append(r.sequence, step)))));
      List<Ran> outcomes = runAll(moves.stream().map(Move::sequence).toList());
      for (int i = 0; i < moves.size(); i++) {
        search.checked(moves.get(i).sequence);
        Ran ran = outcomes.get(i);
        if (ran.failure != null && search.stopsAt(moves.get(i).sequence, ran)) {
          return search.failed(d, moves.get(i).sequence, ran.failure, search.checked - 1);
        }
        if (ran.reached == null) {
          continue; // a step broke a rule: not a state of the model's
        }
        Reached reached = ran.reached;
        transitions.computeIfAbsent(moves.get(i).from, k -> new ArrayList<>()).add(reached.state);
        if (seen.putIfAbsent(reached.state, reached) == null) {
          next.put(reached.state, reached);
          search.visit(reached.state, reached.modelState);
        }
      }
      Map<String, BigInteger> nextWays = new HashMap<>();
      ways.forEach((state, count) -> transitions.getOrDefault(state, List.of())
          .forEach(successor -> nextWays.merge(successor, count, BigInteger::add)));
      ways = nextWays;
      search.represented = ways.values().stream().reduce(search.represented, BigInteger::add);
      search.levels.add(search.level(d));
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
  List<Ran> runAll(List<List<Step>> sequences) {
    return StreamSupport.stream(sequences.spliterator(), PARALLEL).map(this::outcome).toList();
  }

  /** The totals of one run as it goes, and the reports it ends with. */
  final class Search {
    final long start;
    final long budgetMillis;
    final List<ExhaustiveReport.Level> levels = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private final Set<String> modelStates = new HashSet<>();
    /** Null for a check, which stops at the first failure; a survey's findings so far. */
    final Map<String, ExhaustiveSurvey.Finding> findings;
    private final Consumer<List<Step>> onChecked;
    long checked;
    BigInteger represented = BigInteger.ZERO;
    /** A shard's plan and its check of the plan; null unsharded. */
    ModelPlan plan;
    PlanCheck planCheck;

    Search(long start, long budgetMillis, Map<String, ExhaustiveSurvey.Finding> findings, Consumer<List<Step>> onChecked) {
      this.start = start;
      this.budgetMillis = budgetMillis;
      this.findings = findings;
      this.onChecked = onChecked;
    }

    /** Counts a sequence run on the subject. */
    void checked(List<Step> sequence) {
      checked++;
      onChecked.accept(sequence);
    }

    /** Records a state seen, by its full key and its model's part. */
    void visit(String state, String modelState) {
      visited.add(state);
      modelStates.add(modelState);
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

    ExhaustiveReport.Level level(int depth) {
      return new ExhaustiveReport.Level(depth, checked, represented, visited.size(), elapsed(start));
    }

    boolean overBudget() {
      return elapsed(start) > budgetMillis;
    }

    /**
     * The run stops at a failing sequence.
     *
     * @param move its index among all moves of the unsharded enumeration, {@link Exploration#OFF_PLAN} for a
     *     shard's run of an unpredicted state
     */
    Exploration failed(int depth, List<Step> sequence, AssertionError failure, long move) {
      levels.add(level(depth));
      return exploration(new ExhaustiveReport(reportName(this), levels, sequence, failure, false), move);
    }

    Exploration ended(boolean closed) {
      return exploration(new ExhaustiveReport(reportName(this), levels, null, null, closed), -1);
    }

    private Exploration exploration(ExhaustiveReport report, long failedMove) {
      return new Exploration(report, Set.copyOf(visited), Set.copyOf(modelStates), failedMove,
          plan == null ? 0 : plan.moves(), planCheck == null ? 0 : planCheck.unpredictedStates());
    }
  }

  /**
   * A report, the states (up to handle renaming) the run saw, with and without the implementation's
   * reports, where it failed, and for a shard the size of the plan and the unpredicted states it
   * explored.
   *
   * @param failedMove the failing sequence's index among all moves of the unsharded enumeration (level
   *     by level, in order), {@link #OFF_PLAN} for a shard's run from an unpredicted state, -1 if none
   *     failed: with the counterexample's length it orders failures across shards
   * @param plannedMoves the moves of the whole plan, all shards', 0 unsharded
   * @param unpredictedStates states a shard explored because the plan did not predict them
   */
  record Exploration(ExhaustiveReport report, Set<String> states, Set<String> modelStates, long failedMove,
      long plannedMoves, int unpredictedStates) {
    /** {@link #failedMove} of a run from a state the plan did not predict: after every planned move of its depth. */
    static final long OFF_PLAN = Long.MAX_VALUE;
  }

  /** One step taken from an explored state. */
  private record Move(String from, List<Step> sequence) {}

  /**
   * What running a sequence gave: the state its steps reached (null if a step failed) and the
   * failure, if a step or the closing after the last step failed.
   */
  record Ran(Reached reached, AssertionError failure) {}

  /**
   * A state: the first sequence that reached it, its key ({@link StepAlphabet#canonicalState}), the
   * model's part of it ({@link StepAlphabet#modelState}), and the steps possible from it.
   */
  record Reached(List<Step> sequence, String state, String modelState, List<Step> steps) {}

  /**
   * Replays {@code sequence} on a fresh machine, closes everything, and returns the state reached and
   * the failure, if any. Memory the machine's allocators still hold at close fails it like a failed step.
   */
  private Ran outcome(List<Step> sequence) {
    OwnershipMachine<?, ?> machine = new OwnershipMachine<>(subject);
    Reached reached = null;
    try {
      sequence.forEach(step -> step.applyTo(machine));
      reached = new Reached(sequence, StepAlphabet.canonicalState(machine), StepAlphabet.modelState(machine.modelState()),
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

  /**
   * The subject's name and the features checked, as the report's first line shows them; for a shard,
   * which one, that its moves come from a model-only plan, and the plan's numbers.
   */
  private String reportName(Search search) {
    String name = subject.name() + " (" + SubjectFeature.describe(features) + ")";
    if (search.plan == null) {
      return name;
    }
    PlanCheck check = search.planCheck;
    return name + ", shard " + shard + " of the moves of a model-only plan (" + search.plan.moves() + " moves planned, "
        + search.checked + " run here, " + check.mispredicted() + " mispredicted, " + check.unpredictedStates()
        + " unpredicted states explored here" + (check.firstUnpredicted() == null ? "" : ", first: " + check.firstUnpredicted())
        + ")";
  }

  private long elapsed(long start) {
    return (nanoClock.getAsLong() - start) / 1_000_000;
  }
}
