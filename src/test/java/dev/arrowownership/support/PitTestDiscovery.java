package dev.arrowownership.support;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells whether the current test runs only so that PIT's mutation minion can list the tests.
 *
 * <p>Why: pitest-junit5-plugin (1.2.3) finds a class's tests by executing the class (JUnit 5 only
 * reports tests as it runs them), and a mutation minion does that for every test class it needs each
 * time it starts: once per mutated class, and again after every time-out or crash. Those runs check
 * no mutant (the minion inserts the mutant after, and runs each test again against it), yet they
 * took most of the mutation analysis time. PIT's coverage minion also finds tests this way but
 * records coverage while doing it, so it is left alone.
 *
 * <p>Skipping the body in that phase can only let mutants survive, never kill one: a mistaken skip
 * would show as a lower score, not as a false pass.
 */
public final class PitTestDiscovery {
  private static final String FINDER = "org.pitest.junit5.JUnit5TestUnitFinder";
  private static final String MUTATION_MINION = "org.pitest.mutationtest.execute.MutationTestMinion";

  private PitTestDiscovery() {}

  /** True inside a PIT mutation minion's test discovery, where a test's body checks nothing. */
  public static boolean inMutationMinionDiscovery() {
    return StackWalker.getInstance().walk(frames -> isMutationMinionDiscovery(
        frames.map(StackWalker.StackFrame::getClassName).collect(Collectors.toSet())));
  }

  /** The decision, given the classes on the calling thread's stack. */
  static boolean isMutationMinionDiscovery(Set<String> classesOnStack) {
    return classesOnStack.contains(FINDER) && classesOnStack.contains(MUTATION_MINION);
  }
}
