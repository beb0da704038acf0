package dev.arrowownership.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.contract.ExhaustiveChecker;
import dev.arrowownership.contract.ExhaustiveReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Both contracts fail the third-party wrapper's broken twin, for the rule its bug breaks. */
class BrokenTwinIsCaughtTest {
  private static final Rule OWNERSHIP = Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL;

  /** The exhaustive check finds the three-step move that leaves two owners, and checks no frame. */
  @Test
  void exhaustiveCheckFindsTheShortestMoveThatLeavesTwoOwners() {
    ExhaustiveReport report = new ExhaustiveChecker(new MoveKeepsSourceOwning(), 3, 4).check(6, 60_000);

    assertThat(report.counterexample()).as(report.toString()).hasToString("[allocate(), h0.populate(rows=3), moveFrom(h0)]");
    assertThat(report.failed()).get().extracting(Throwable::getMessage).asString().startsWith(OWNERSHIP.id() + " (")
        .contains("step `h1 = moveFrom(h0)`: h0.isOwned() is true, the model says EMPTY");
    assertThat(report.subject()).isEqualTo("BatchHolder with MoveKeepsSourceOwning (features [] (no frame steps))");
  }

  /** The generated-sequence property fails the twin with the ownership rule and the step. */
  @Test
  void generatedSequencesCatchTheMove() {
    List<Event> failures = EngineTestKit.engine("jqwik").selectors(selectClass(MoveKeepsSourceOwning.Contract.class))
        // The first failing try already names the step; shrinking a chain adds seconds, not facts.
        .configurationParameter("jqwik.shrinking.default", "OFF")
        .configurationParameter("jqwik.database", "")
        .execute().testEvents().failed().list();

    assertThat(failures).hasSize(1);
    Throwable failure = failures.get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
    StringBuilder causes = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      causes.append(t.getMessage()).append('\n');
    }
    assertThat(causes).contains(OWNERSHIP.id() + " (").contains("BatchHolder with MoveKeepsSourceOwning: step `h")
        .contains(".isOwned() is true, the model says EMPTY");
  }

  /** The same checker passes the correct wrapper at the same bounds. */
  @Test
  void exhaustiveCheckPassesTheCorrectWrapper() {
    ExhaustiveReport report = new ExhaustiveChecker(new BatchHolderSubject(), 3, 4).check(6, 60_000);

    assertThat(report.failed()).as(report.toString()).isEmpty();
    assertThat(report.counterexample()).isNull();
  }
}
