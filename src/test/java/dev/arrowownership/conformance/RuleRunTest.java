package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a target throws, the verdict survives: it becomes the failure of the rule that met it. */
class RuleRunTest {

  static Stream<Throwable> throwables() {
    return Stream.of(new Error("plain error"), new StackOverflowError(), new OutOfMemoryError("native heap"),
        new AssertionError("target's own assert"), new com.sun.jna.LastErrorException(5), new Exception("checked"));
  }

  /** A check that throws any Throwable is that rule's failure, naming the throwable. */
  @ParameterizedTest
  @MethodSource("throwables")
  void anyThrowableIsTheRulesFailure(Throwable thrown) {
    RuleResult result = RuleRun.of(Rule.REQUIRED_PRODUCER_SETS_RELEASE, () -> {
      throw sneaky(thrown);
    });
    assertThat(result).isEqualTo(RuleResult.failed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "the check threw " + thrown));
  }

  /**
   * A producer that throws an Error from produce() gets a verdict with every producer rule failed,
   * none lost; the failure-path rule, whose produce() may fail, is not applicable: no fault hook.
   */
  @ParameterizedTest
  @MethodSource("throwables")
  void producerThrowingAnErrorStillGetsAVerdict(Throwable thrown) {
    Verdict verdict = ConformanceKit.checkProducer("throws", (array, schema) -> {
      throw sneaky(thrown);
    });
    assertThat(verdict.results()).filteredOn(r -> r.rule() != Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED)
        .extracting(RuleResult::status).containsOnly(Status.FAILED);
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_SETS_RELEASE).message())
        .contains("the check threw " + thrown.getClass().getName());
    assertThat(verdict.results()).extracting(RuleResult::rule)
        .containsExactly(java.util.Arrays.stream(Rule.values()).filter(r -> r.role() == Rule.Role.PRODUCER).toArray(Rule[]::new));
  }

  /** An interrupted check is a failure too, and the thread keeps its interrupt for the caller to see. */
  @org.junit.jupiter.api.Test
  void interruptedCheckFailsAndKeepsTheInterrupt() {
    RuleResult result = RuleRun.of(Rule.REQUIRED_PRODUCER_SETS_RELEASE, () -> {
      throw new InterruptedException("stop");
    });
    assertThat(result.message()).contains("the check threw java.lang.InterruptedException: stop");
    assertThat(Thread.interrupted()).isTrue(); // also clears it for the next test
  }

  /** Any other throwable leaves the thread uninterrupted. */
  @org.junit.jupiter.api.Test
  void otherThrowablesDoNotInterrupt() {
    RuleRun.of(Rule.REQUIRED_PRODUCER_SETS_RELEASE, () -> {
      throw new Error("x");
    });
    assertThat(Thread.interrupted()).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
