package dev.arrowownership.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Test bodies are skipped only in a mutation minion's discovery run, never in a normal run. */
class PitTestDiscoveryTest {
  private static final String FINDER = "org.pitest.junit5.JUnit5TestUnitFinder";
  private static final String MUTATION_MINION = "org.pitest.mutationtest.execute.MutationTestMinion";
  private static final String COVERAGE_MINION = "org.pitest.coverage.execute.CoverageMinion";
  private static final String TEST_UNIT = "org.pitest.junit5.JUnit5TestUnit";

  @Test
  void onlyTheMutationMinionsDiscoveryIsSkipped() {
    assertThat(PitTestDiscovery.isMutationMinionDiscovery(Set.of(FINDER, MUTATION_MINION))).isTrue();
    // The coverage minion records coverage while it discovers: its runs must happen.
    assertThat(PitTestDiscovery.isMutationMinionDiscovery(Set.of(FINDER, COVERAGE_MINION))).isFalse();
    // A test run against a mutant goes through JUnit5TestUnit, not the finder.
    assertThat(PitTestDiscovery.isMutationMinionDiscovery(Set.of(TEST_UNIT, MUTATION_MINION))).isFalse();
  }

  @Test
  void aNormalRunIsNotDiscovery() {
    assertThat(PitTestDiscovery.inMutationMinionDiscovery()).isFalse();
  }
}
