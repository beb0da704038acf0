package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.fixtures.HandMadeStreamProducer;
import dev.arrowownership.support.ArrowJavaStreamProducer;
import java.util.Arrays;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The kit passes conforming stream producers on every rule of the role, in rule order. */
class StreamProducerRulesTest {

  /** A stream producer written like a C one, refusing a live target, keeps every rule, the optional ones too. */
  @Test
  void handMadeStreamProducerPassesEveryRule() {
    Verdict verdict = ConformanceKit.checkStreamProducer("hand-made-stream", new HandMadeStreamProducer());

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.results()).as(verdict.toString()).extracting(RuleResult::status).containsOnly(Status.PASSED);
    assertThat(verdict.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.STREAM_PRODUCER));
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES))
        .startsWith("4 results (the schema and 3 arrays) read as C Data").contains("4 children and dictionaries");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID))
        .contains("get_next returned 12; get_last_error returned 'get_next: out of memory")
        .contains("on " + LastErrorProbe.CALLS + " more calls, producer memory unchanged at");
    assertThat(RuleMessages.passed(verdict, Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET))
        .contains("refusing to write over it) and left it as it was");
  }

  /**
   * Arrow Java's {@code Data.exportArrayStream}, which the kit was not written around, keeps every
   * required rule; it writes over a live target (the optional rule, reported).
   */
  @Test
  void arrowJavaExportArrayStreamKeepsEveryRequiredRule() {
    try (RootAllocator allocator = new RootAllocator(); ArrowJavaStreamProducer producer = ArrowJavaStreamProducer.of(allocator, 3, 10)) {
      Verdict verdict = ConformanceKit.checkStreamProducer("arrow-java-export-stream", producer);

      verdict.assertConforms();
      assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule)
          .containsExactly(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET);
      assertThat(verdict.summary()).contains("fails 1 optional rule: optional_stream_producer_refuses_live_target");
      assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES))
          .contains("36 children and dictionaries");
    }
  }

  private static Rule[] rules(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role).toArray(Rule[]::new);
  }
}
