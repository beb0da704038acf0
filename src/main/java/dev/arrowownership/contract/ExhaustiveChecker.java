package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;

import dev.arrowownership.model.ExactlyOnceModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

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
    this.subject = subject;
    this.features = SubjectFeature.checkDeclared(subject); // fails fast, before any sequence runs
    this.alphabet = alphabet;
    this.nanoClock = nanoClock;
  }

  /**
   * Checks every sequence of up to {@code depth} steps, stopping early (between levels) once
   * {@code budgetMillis} have passed. Never throws for a broken subject: the report says.
   */
  public ExhaustiveReport check(int depth, long budgetMillis) {
    return explore(depth, budgetMillis, null);
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
    ExhaustiveReport explored = explore(depth, budgetMillis, findings);
    return new ExhaustiveSurvey(explored, List.copyOf(findings.values()));
  }

  /** Explores level by level; with {@code findings} null stops at the first failure, else records each and goes on. */
  private ExhaustiveReport explore(int depth, long budgetMillis, Map<String, ExhaustiveSurvey.Finding> findings) {
    long start = nanoClock.getAsLong();
    ExactlyOnceModel empty = new ExactlyOnceModel();
    Reached initial = new Reached(List.of(), StepAlphabet.initialState(), alphabet.stepsIn(empty, 0, features));
    Map<String, Reached> seen = new HashMap<>(Map.of(initial.state, initial));
    Map<String, List<String>> transitions = new HashMap<>(); // state -> successor states, once expanded
    Map<String, Reached> frontier = new LinkedHashMap<>(seen);
    // Raw sequences of the current length reaching each state (BigInteger: they outgrow a long by depth 15).
    Map<String, BigInteger> ways = new HashMap<>(Map.of(initial.state, BigInteger.ONE));
    List<ExhaustiveReport.Level> levels = new ArrayList<>();
    long checked = 0;
    BigInteger represented = BigInteger.ZERO;
    for (int d = 1; d <= depth; d++) {
      Map<String, Reached> next = new LinkedHashMap<>();
      List<Move> moves = new ArrayList<>();
      frontier.values().forEach(from -> from.steps.forEach(step -> moves.add(new Move(from.state, append(from.sequence, step)))));
      // Sequences are independent (each has its own machine, allocator and ledger): run them on every
      // core, then read the outcomes in enumeration order so the report does not depend on timing.
      List<Ran> outcomes = (PARALLEL ? moves.parallelStream() : moves.stream()).map(m -> outcome(m.sequence)).toList();
      for (int i = 0; i < moves.size(); i++) {
        checked++;
        Ran ran = outcomes.get(i);
        if (ran.failure != null) {
          if (findings == null) {
            levels.add(new ExhaustiveReport.Level(d, checked, represented, seen.size(), elapsed(start)));
            return new ExhaustiveReport(reportName(), levels, moves.get(i).sequence, ran.failure, false);
          }
          ExhaustiveSurvey.Finding finding = new ExhaustiveSurvey.Finding(moves.get(i).sequence, ran.failure);
          findings.putIfAbsent(finding.kind(), finding);
          if (ran.reached == null) {
            continue; // a step broke a rule: not a state of the model's
          }
        }
        transitions.computeIfAbsent(moves.get(i).from, k -> new ArrayList<>()).add(ran.reached.state);
        if (seen.putIfAbsent(ran.reached.state, ran.reached) == null) {
          next.put(ran.reached.state, ran.reached);
        }
      }
      Map<String, BigInteger> nextWays = new HashMap<>();
      ways.forEach((state, count) -> transitions.getOrDefault(state, List.of())
          .forEach(successor -> nextWays.merge(successor, count, BigInteger::add)));
      ways = nextWays;
      represented = ways.values().stream().reduce(represented, BigInteger::add);
      levels.add(new ExhaustiveReport.Level(d, checked, represented, seen.size(), elapsed(start)));
      frontier = next;
      if (frontier.isEmpty() || elapsed(start) > budgetMillis) {
        break; // empty: every state reachable within the bounds is explored, at any depth
      }
    }
    return new ExhaustiveReport(reportName(), levels, null, null, frontier.isEmpty());
  }

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
   * Replays {@code sequence} on a fresh machine, closes everything, and returns the state reached.
   * Memory the machine's allocators still hold at close fails the sequence like a failed step.
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

  /** The subject's name and the features checked, as the report's first line shows them. */
  private String reportName() {
    return subject.name() + " (" + SubjectFeature.describe(features) + ")";
  }

  private long elapsed(long start) {
    return (nanoClock.getAsLong() - start) / 1_000_000;
  }
}
