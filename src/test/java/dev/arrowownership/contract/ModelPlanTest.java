package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan, from the model alone: with no handles and a frame of no batches the states are the
 * frame's four (absent, open, extracted, closed), and every sequence is counted by the shard owning
 * its last move.
 */
class ModelPlanTest {

  @Test
  void theFramesFourStatesArePlannedAndThenThePlanCloses() {
    ModelPlan plan = new ModelPlan(new StepAlphabet(0, 0, List.of()), Set.of(SubjectFeature.FRAME), ExtractionCalibration.NONE, 2);
    assertThat(plan.knows(StepAlphabet.initialState())).isTrue();
    assertThat(plan.knows("[]|OPEN:new[]")).isFalse();

    List<ModelPlan.Move> first = plan.nextLevel();
    assertThat(first).singleElement().satisfies(move -> {
      assertThat(move.index()).isZero();
      assertThat(move.sequence()).containsExactly(new Step.NewFrame(List.of(), 0));
      assertThat(move.predicted()).isEqualTo("[]|OPEN:new[]");
    });
    assertThat(plan.knows("[]|OPEN:new[]")).isTrue();
    assertThat(plan.represented(new Shard(1, 2))).isEqualTo(BigInteger.ONE);
    assertThat(plan.represented(new Shard(2, 2))).isZero();

    List<ModelPlan.Move> second = plan.nextLevel(); // extract, close
    assertThat(second).extracting(ModelPlan.Move::index).containsExactly(1L, 2L);
    assertThat(second).extracting(ModelPlan.Move::predicted).containsExactly("[]|EXTRACTED:extracted[]", "[]|CLOSED:closed[]");
    assertThat(plan.represented(new Shard(1, 2))).isEqualTo(BigInteger.ONE);
    assertThat(plan.represented(new Shard(2, 2))).isEqualTo(BigInteger.ONE);
    assertThat(plan.closed()).isFalse();

    plan.nextLevel(); // from extracted: extract (misuse), close; from closed: a new frame, back to open
    assertThat(plan.moves()).isEqualTo(6);
    assertThat(plan.closed()).isTrue();
  }
}
