package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.contract.ExhaustiveChecker.Reached;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A shard takes up a state the plan did not predict, once: a run that ended elsewhere in the model
 * than predicted, an off-plan run reaching a model state the plan does not know, or a model state
 * seen here before with other reports. A run as predicted, or an off-plan run into a known state
 * with the reports seen before, is the plan's.
 */
class PlanCheckTest {
  private static final List<Step> SEQUENCE = List.of(new Step.Allocate());

  @Test
  void aRunAsPredictedIsThePlans() {
    PlanCheck check = new PlanCheck();
    assertThat(check.takesUp("m", reached("m", "m+r"), Set.of()::contains)).isFalse();
    assertThat(check.takesUp("m", reached("m", "m+r"), Set.of()::contains)).isFalse();
    assertThat(check.mispredicted()).isZero();
    assertThat(check.unpredictedStates()).isZero();
    assertThat(check.firstUnpredicted()).isNull();
  }

  @Test
  void aMispredictedRunIsTakenUpOnceAndCounted() {
    PlanCheck check = new PlanCheck();
    assertThat(check.takesUp("m", reached("x", "x+r"), Set.of("x")::contains)).isTrue();
    assertThat(check.takesUp("m", reached("x", "x+r"), Set.of("x")::contains)).isFalse();
    assertThat(check.mispredicted()).isEqualTo(2);
    assertThat(check.unpredictedStates()).isEqualTo(1);
    assertThat(check.firstUnpredicted()).isEqualTo("[allocate()]: predicted m, reached x+r");
  }

  @Test
  void otherReportsForOneModelStateAreTakenUp() {
    PlanCheck check = new PlanCheck();
    assertThat(check.takesUp("m", reached("m", "m+r"), Set.of()::contains)).isFalse();
    assertThat(check.takesUp("m", reached("m", "m+s"), Set.of()::contains)).isTrue();
    assertThat(check.mispredicted()).isZero();
    assertThat(check.unpredictedStates()).isEqualTo(1);
    assertThat(check.firstUnpredicted()).isEqualTo("[allocate()]: reached m+s, this shard saw m+r for the same model state");
  }

  @Test
  void anOffPlanRunIsThePlansOnlyInAStateThePlanKnows() {
    PlanCheck check = new PlanCheck();
    assertThat(check.takesUp(null, reached("m", "m+r"), Set.of("m")::contains)).isFalse();
    assertThat(check.takesUp(null, reached("n", "n+r"), Set.of("m")::contains)).isTrue();
    assertThat(check.mispredicted()).isZero();
    assertThat(check.firstUnpredicted()).as("an off-plan run is no misprediction").isNull();
  }

  private static Reached reached(String modelState, String state) {
    return new Reached(SEQUENCE, state, modelState, List.of());
  }
}
