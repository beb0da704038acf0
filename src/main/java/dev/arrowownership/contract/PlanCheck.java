package dev.arrowownership.contract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A shard's check of its real runs against the model-only plan ({@link ModelPlan}), so that a wrong
 * plan never silently loses coverage. A real state is <b>unpredicted</b> when the run that reached
 * it ended elsewhere in the model than the plan said (the model's part of its key differs from the
 * predicted successor; an off-plan run: a model state the plan does not know), or when this shard
 * has already seen the same model state with other reports (the plan assumes the reports are a
 * function of the model's state). The shard then explores an unpredicted state itself, everything
 * under it, pruning only within the shard ({@link #takesUp} says which states to take up).
 *
 * <p>What cannot be seen from one shard: two shards seeing one model state with different reports.
 * The plan's pruning assumption (reports are a function of model and origins) is the one the
 * unsharded pruning already makes, that a wrapper behaves alike where model, origins and reports agree,
 * made one step stronger.
 */
final class PlanCheck {
  private final Map<String, String> reportsSeen = new HashMap<>(); // model key -> first full key seen here
  private final Set<String> takenUp = new HashSet<>(); // full keys of unpredicted states this shard explores
  private long mispredicted;
  private String firstUnpredicted;

  /**
   * Checks a real run and says whether this shard must explore the state it reached.
   *
   * @param predicted the model key the plan predicted for the run, null for a run off the plan
   * @param reached the state the run reached (its sequence, full key and model key)
   * @param planKnows whether the plan has reached a model key (and so has a shard explore it)
   * @return true the first time this shard meets an unpredicted state: it explores it
   */
  boolean takesUp(String predicted, ExhaustiveChecker.Reached reached, Predicate<String> planKnows) {
    boolean asPredicted = predicted == null ? planKnows.test(reached.modelState()) : predicted.equals(reached.modelState());
    if (!asPredicted && predicted != null) {
      mispredicted++;
      note(reached.sequence(), "predicted " + predicted + ", reached " + reached.state());
    }
    String reports = reportsSeen.putIfAbsent(reached.modelState(), reached.state());
    boolean otherReports = reports != null && !reports.equals(reached.state());
    if (otherReports) {
      note(reached.sequence(), "reached " + reached.state() + ", this shard saw " + reports + " for the same model state");
    }
    if (asPredicted && !otherReports) {
      return false;
    }
    return takenUp.add(reached.state());
  }

  private void note(List<Step> sequence, String what) {
    if (firstUnpredicted == null) {
      firstUnpredicted = sequence + ": " + what;
    }
  }

  /** Planned runs whose model state was not the predicted one. */
  long mispredicted() {
    return mispredicted;
  }

  /** Unpredicted states this shard took up and explored. */
  int unpredictedStates() {
    return takenUp.size();
  }

  /** The first misprediction or report conflict, with its sequence; null if none. */
  String firstUnpredicted() {
    return firstUnpredicted;
  }
}
