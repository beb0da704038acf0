package dev.arrowownership.contract;

import dev.arrowownership.contract.ExhaustiveChecker.Exploration;
import dev.arrowownership.contract.ExhaustiveChecker.Ran;
import dev.arrowownership.contract.ExhaustiveChecker.Reached;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One shard of an exhaustive search, level by level: the whole level is planned from the model
 * ({@link ModelPlan}), the moves are dealt round-robin over the shards by their index in the
 * unsharded enumeration ({@link Shard#owns}), and this shard runs only its own on the real subject,
 * each checked by the machine as in the unsharded run. Every real run is checked against the plan
 * ({@link PlanCheck}); a state the plan did not predict is explored by this shard, all its moves
 * run here, after the planned ones of the same depth.
 *
 * <p>Failures: a check stops at this shard's first failing sequence, in enumeration order; the
 * shortest counterexample of the whole search is the least over the shards by length, then by
 * {@link Exploration#failedMove}. The plan does not know which runs fail, so it also expands states
 * reached only through a failing step (their runs fail at that step again); the unsharded run does
 * not, so a survey in shards may run more sequences than the unsharded survey, never fewer.
 */
final class PlannedShard {
  private final Shard shard;
  private final ModelPlan plan;
  private final Function<List<List<Step>>, List<Ran>> runner;
  private final ExhaustiveChecker.Search search;
  private final PlanCheck check = new PlanCheck();

  PlannedShard(Shard shard, ModelPlan plan, Function<List<List<Step>>, List<Ran>> runner, ExhaustiveChecker.Search search) {
    this.shard = shard;
    this.plan = plan;
    this.runner = runner;
    this.search = search;
    search.plan = plan;
    search.planCheck = check;
  }

  Exploration explore(int depth) {
    List<Reached> unpredicted = List.of();
    for (int d = 1; d <= depth && !(plan.closed() && unpredicted.isEmpty()); d++) {
      List<ModelPlan.Move> mine = plan.nextLevel().stream().filter(move -> shard.owns(move.index())).toList();
      List<ModelPlan.Move> moves = new ArrayList<>(mine); // then every move from the unpredicted states, off the plan
      unpredicted.forEach(from -> from.steps().forEach(step ->
          moves.add(new ModelPlan.Move(Exploration.OFF_PLAN, ModelPlan.append(from.sequence(), step), null))));
      List<List<Step>> sequences = moves.stream().map(ModelPlan.Move::sequence).toList();
      List<Ran> outcomes = runner.apply(sequences);
      List<Reached> takenUp = new ArrayList<>();
      for (int i = 0; i < sequences.size(); i++) {
        search.checked(sequences.get(i));
        Ran ran = outcomes.get(i);
        if (ran.failure() != null && search.stopsAt(sequences.get(i), ran)) {
          return search.failed(d, sequences.get(i), ran.failure(), moves.get(i).index());
        }
        if (ran.reached() == null) {
          continue; // a step broke a rule: not a state of the model's
        }
        Reached reached = ran.reached();
        search.visit(reached.state(), reached.modelState());
        if (check.takesUp(moves.get(i).predicted(), reached, plan::knows)) {
          takenUp.add(reached);
        }
      }
      search.represented = search.represented.add(plan.represented(shard));
      search.levels.add(search.level(d));
      unpredicted = takenUp;
      if (search.overBudget()) {
        break;
      }
    }
    return search.ended(plan.closed() && unpredicted.isEmpty());
  }
}
