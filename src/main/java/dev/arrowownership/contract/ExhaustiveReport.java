package dev.arrowownership.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What an exhaustive run explored, level by level, and the shortest counterexample if it found one.
 *
 * @param subject the subject's name
 * @param levels one entry per completed (or failing) depth
 * @param counterexample the failing sequence, or null
 * @param failure the machine's failure on it (rule, step, history), or null
 * @param closed true if the last depth reached no new state: then sequences of every length are
 *     covered, each ending in a state that was explored
 */
public record ExhaustiveReport(String subject, List<Level> levels, List<Step> counterexample, AssertionError failure,
    boolean closed) {

  /**
   * Totals after one depth.
   *
   * @param depth sequence length
   * @param sequencesChecked sequences run on the real subject so far
   * @param sequencesRepresented all sequences of length 1..depth, pruned ones included (each reaches
   *     a state that was explored)
   * @param distinctStates states up to handle renaming seen so far
   * @param elapsedMillis time since the run started
   */
  public record Level(int depth, long sequencesChecked, BigInteger sequencesRepresented, int distinctStates,
      long elapsedMillis) {
    @Override
    public String toString() {
      return "depth " + depth + ": " + sequencesChecked + " sequences checked, " + sequencesRepresented
          + " represented, " + distinctStates + " distinct states, " + elapsedMillis + " ms";
    }
  }

  public ExhaustiveReport {
    levels = List.copyOf(levels);
  }

  /** The deepest depth completed without failure. */
  public int depthCompleted() {
    return failure == null ? (levels.isEmpty() ? 0 : levels.get(levels.size() - 1).depth()) : levels.size() - 1;
  }

  public Optional<AssertionError> failed() {
    return Optional.ofNullable(failure);
  }

  /**
   * Passes when no sequence failed.
   *
   * @throws AssertionError naming the shortest failing sequence, with the machine's failure as cause
   */
  public void assertPassed() {
    if (failure != null) {
      throw new AssertionError(subject + ": shortest failing sequence (" + counterexample.size() + " steps): "
          + counterexample + "\n" + failure.getMessage(), failure);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(subject + (failure == null ? " passed" : " FAILED at " + counterexample)
        + (closed ? " (closed: no new state at the last depth)" : ""));
    levels.forEach(l -> text.append("\n  ").append(l));
    return text.toString();
  }
}
