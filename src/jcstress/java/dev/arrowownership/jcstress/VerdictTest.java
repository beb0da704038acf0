package dev.arrowownership.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The jcstress gate fails when nothing ran, the trap jcstress itself exits 0 on. */
class VerdictTest {

  /** A run that selected no test fails. */
  @Test
  void noSelectedTestFails() {
    Verdict verdict = Verdict.of("core", Set.of(), List.of());
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.headline()).contains("0 tests selected");
  }

  /** A selected test without a result fails. */
  @Test
  void selectedTestWithoutResultFails() {
    Verdict verdict = Verdict.of("core", Set.of("dev.arrowownership.jcstress.Handoff_01_CloseVsClose"), List.of());
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures()).containsValue("no result: the test did not run");
  }
}
