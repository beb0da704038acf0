package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.contract.ExhaustiveChecker.Exploration;
import dev.arrowownership.contract.ExhaustiveChecker.Ran;
import dev.arrowownership.contract.ExhaustiveChecker.Reached;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A shard goes on exploring the states the plan did not predict after the plan has closed, and
 * does not call its search closed while any is left.
 */
class PlannedShardTest {
  private static final StepAlphabet NO_HANDLES = new StepAlphabet(0, 0, List.of());

  /**
   * Every run here lands somewhere the plan does not know, one new state per depth, each with one
   * step to take: the plan of no handles closes after four depths, the shard goes on to the bound.
   */
  @Test
  void unpredictedStatesAreExploredPastThePlansEnd() {
    ModelPlan plan = new ModelPlan(NO_HANDLES, Set.of(SubjectFeature.FRAME), ExtractionCalibration.NONE, 1);
    Function<List<List<Step>>, List<Ran>> everyRunElsewhere = sequences -> sequences.stream()
        .map(s -> new Ran(new Reached(s, "real" + s.size(), "elsewhere" + s.size(), List.of(new Step.CloseFrame())), null))
        .toList();
    ExhaustiveChecker checker = new ExhaustiveChecker(new RecordBatchDataSubject(), NO_HANDLES, System::nanoTime);
    Exploration shard = new PlannedShard(Shard.ALL, plan, everyRunElsewhere,
        checker.new Search(System.nanoTime(), 60_000, null, sequence -> { })).explore(6);

    assertThat(plan.closed()).isTrue();
    assertThat(shard.report().levels()).hasSize(6);
    assertThat(shard.report().closed()).isFalse();
    assertThat(shard.unpredictedStates()).isEqualTo(6);
  }
}
