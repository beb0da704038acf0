package dev.arrowownership.conformance.junit;

import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.TestCaseOutcome;
import dev.arrowownership.conformance.Verdict;
import java.io.PrintStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * One JUnit test per rule of a {@link Verdict}, for a {@code @TestFactory}, so a CI dashboard shows
 * which rule of the C Data Interface broke instead of one test for the whole check:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> myExporterKeepsEveryProducerRule() {
 *   return RuleTests.of(ConformanceKit.checkProducer("my-exporter", new MyExporter()));
 * }
 * }</pre>
 *
 * <p>Each test is named {@link TestCaseOutcome#name}: the rule id and its spec section. A broken
 * required rule fails with the rule's message (what was observed, the spec section, where to look);
 * a rule not applicable is skipped (aborted, as a failed assumption) with the reason, and a rule
 * whose valid input the target refused with the target's error; an optional
 * rule's failure and a declared finding pass, printing a note to standard output (which the test
 * report keeps beside the test). Needs {@code org.junit.jupiter:junit-jupiter-api} (5.x) on the
 * test classpath: an optional dependency of this library.
 */
public final class RuleTests {
  private RuleTests() {}

  /** The dynamic tests of {@code verdict}, one per rule, in rule order. */
  public static Stream<DynamicTest> of(Verdict verdict) {
    return of(verdict, System.out);
  }

  /** As {@link #of(Verdict)}, notes printed to {@code notes}. */
  static Stream<DynamicTest> of(Verdict verdict, PrintStream notes) {
    return verdict.results().stream()
        .map(result -> DynamicTest.dynamicTest(TestCaseOutcome.name(result.rule()), body(result, notes)));
  }

  private static Executable body(RuleResult result, PrintStream notes) {
    String text = TestCaseOutcome.text(result);
    return switch (TestCaseOutcome.of(result)) {
      case FAILED -> () -> Assertions.fail(text);
      case SKIPPED -> () -> Assumptions.abort(text);
      case PASSED_WITH_NOTE -> () -> notes.println(TestCaseOutcome.name(result.rule()) + ": " + text);
      case PASSED -> () -> { };
    };
  }
}
