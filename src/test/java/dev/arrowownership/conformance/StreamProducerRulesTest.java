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
        .isEqualTo("4 results (the schema and 3 arrays) read as C Data, each released with release left NULL; 4 children"
            + " and dictionaries, each released once by its parent");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY))
        .isEqualTo("after 3 batches get_next returned 0 with a released array, and did so again when called once more");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM))
        .isEqualTo("the stream released first; its 4 results still live, read with the values read before, each released"
            + " once afterwards");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds 0 bytes once the stream and its 4 results are released, as before the stream was"
            + " produced");
    assertThat(RuleMessages.passed(verdict, Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD))
        .isEqualTo("the stream and its 4 results released on another thread: every struct once, nothing held");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE))
        .isEqualTo("allocation #0 of the first get_next failing, get_next returned 12");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID))
        .contains("get_next returned 12; get_last_error returned 'get_next: out of memory")
        .contains("on " + LastErrorProbe.CALLS + " more calls, producer memory unchanged at");
    assertThat(RuleMessages.passed(verdict, Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET))
        .isEqualTo("refused the live stream struct (threw java.lang.IllegalStateException: out holds a live stream:"
            + " refusing to write over it) and left it as it was");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED))
        .isEqualTo("none of the planted stream's callbacks called; the producer left it in place and threw"
            + " java.lang.IllegalStateException: out holds a live stream: refusing to write over it");
    assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL))
        .isEqualTo("the stream's release left release == NULL");
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
          .contains("; 36 children and dictionaries");
      assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED))
          .isEqualTo("none of the planted stream's callbacks called; the producer wrote its stream over it");
      assertThat(RuleMessages.passed(verdict, Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID))
          .endsWith("unchanged after the kit took back freed memory and on 64 more calls, producer memory unchanged at 0 bytes");
      assertThat(RuleMessages.failed(verdict, Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET))
          .contains("wrote a new stream over the live one the kit planted: the stream that was there can no longer be"
              + " released by its owner");
    }
  }

  private static Rule[] rules(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role).toArray(Rule[]::new);
  }
}
