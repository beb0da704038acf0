package dev.arrowownership.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cleanup runs every step, so one failing close cannot leak what the later steps would free. */
class CleanupStepsTest {
  private final List<String> ran = new ArrayList<>();

  /** After failures the remaining steps still run; the first failure is thrown, the later ones suppressed into it. */
  @Test
  void everyStepRunsAndTheFirstFailureCarriesTheOthers() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second");

    assertThatThrownBy(() -> CleanupSteps.runAll(List.of(failing("a", first), step("b"), failing("c", second))))
        .isSameAs(first)
        .satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(second));
    assertThat(ran).containsExactly("a", "b", "c");
  }

  /** Steps that all succeed run in order and nothing is thrown. */
  @Test
  void succeedingStepsThrowNothing() {
    CleanupSteps.runAll(List.of(step("a"), step("b")));
    assertThat(ran).containsExactly("a", "b");
  }

  private Runnable step(String name) {
    return () -> ran.add(name);
  }

  private Runnable failing(String name, RuntimeException failure) {
    return () -> {
      ran.add(name);
      throw failure;
    };
  }
}
