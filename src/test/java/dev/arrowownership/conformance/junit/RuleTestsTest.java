package dev.arrowownership.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.TestCaseOutcome;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.fixtures.HandMadeProducer;
import dev.arrowownership.fixtures.ReleaseDoesNotSetNull;
import dev.arrowownership.fixtures.ReleaseOnlyOnProducingThread;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One dynamic test per rule, run by JUnit itself (junit-platform-testkit): a conforming producer's
 * tests all pass; a producer that breaks one required rule gives exactly one failed test, named
 * after that rule, failing with the rule's message.
 */
class RuleTestsTest {
  /** What {@link Factory} turns into tests; null outside these tests, so on its own it makes none. */
  private static volatile Verdict verdict;

  /** An adopter's test class: a {@code @TestFactory} over a verdict. */
  static class Factory {
    @TestFactory
    Stream<DynamicTest> rules() {
      return verdict == null ? Stream.empty() : RuleTests.of(verdict);
    }
  }

  /** Every producer rule a test; each passes but those not applicable (no fault hook here), which are skipped. */
  @Test
  void conformingProducerPassesOneTestPerRule() {
    Verdict conforming = ConformanceKit.checkProducer("hand-made", new HandMadeProducer());
    Events tests = run(conforming);

    assertThat(tests.started().count()).isEqualTo(conforming.results().size())
        .isEqualTo(Arrays.stream(Rule.values()).filter(r -> r.role() == Rule.Role.PRODUCER).count());
    assertThat(tests.aborted().count()).isEqualTo(notApplicable(conforming)).isPositive();
    assertThat(tests.succeeded().count()).isEqualTo(conforming.results().size() - notApplicable(conforming));
    assertThat(names(tests.started())).containsExactlyElementsOf(
        conforming.results().stream().map(r -> TestCaseOutcome.name(r.rule())).toList());
  }

  @Test
  void brokenProducerFailsExactlyOneTestNamedAfterItsRule() {
    Rule rule = Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL;
    Verdict broken = ConformanceKit.checkProducer("not-nulled", new ReleaseDoesNotSetNull());
    Events tests = run(broken);

    assertThat(tests.failed().count()).isEqualTo(1);
    assertThat(tests.succeeded().count()).isEqualTo(broken.results().size() - 1 - notApplicable(broken));
    Event failed = tests.failed().stream().findFirst().orElseThrow();
    assertThat(failed.getTestDescriptor().getDisplayName())
        .isEqualTo("required_producer_release_sets_null (C Data Interface, Release callback semantics for producers)");
    Throwable thrown = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
    assertThat(thrown).isInstanceOf(AssertionFailedError.class).hasMessage(broken.result(rule).message());
  }

  /** An optional rule's failure passes and prints its note, once, naming the rule. */
  @Test
  void optionalFailurePassesWithANote() throws Throwable {
    Verdict optional = ConformanceKit.checkProducer("thread-bound", new ReleaseOnlyOnProducingThread());
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    for (DynamicTest test : RuleTests.of(optional, new PrintStream(notes, true, StandardCharsets.UTF_8)).toList()) {
      test.getExecutable().execute();
    }
    Rule rule = Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD;
    assertThat(notes.toString(StandardCharsets.UTF_8)).isEqualTo(TestCaseOutcome.name(rule) + ": "
        + TestCaseOutcome.text(optional.result(rule)) + System.lineSeparator());
  }

  /** A declared finding passes with its note; a rule not applicable aborts (skips) with its reason. */
  @Test
  void findingPassesAndNotApplicableIsSkipped() throws Throwable {
    Rule rule = Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL;
    Verdict declared = new Verdict("lib", List.of(RuleResult.failed(rule, "left set"),
        RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN, "no children")))
        .expectingFindings(Map.of(rule, "upstream#1"));
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    List<DynamicTest> tests = RuleTests.of(declared, new PrintStream(notes, true, StandardCharsets.UTF_8)).toList();

    tests.get(0).getExecutable().execute();
    assertThat(notes.toString(StandardCharsets.UTF_8)).startsWith(TestCaseOutcome.name(rule) + ": known finding");
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isInstanceOf(TestAbortedException.class)
        .hasMessage("not applicable: no children");
    assertThat(run(declared).aborted().count()).isEqualTo(1);
  }

  private static Events run(Verdict checked) {
    verdict = checked;
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selectClass(Factory.class)).execute().testEvents();
    } finally {
      verdict = null;
    }
  }

  /** The rules the verdict could not check: their tests are skipped (aborted), neither passed nor failed. */
  private static long notApplicable(Verdict checked) {
    return checked.with(RuleResult.Status.NOT_APPLICABLE).size();
  }

  private static List<String> names(Events events) {
    return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }
}
