package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.fixtures.StreamNeverEnds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stream without an end, and a producer that fills nothing, as the stream producer rules see them. */
class StreamReadTest {

  /** The kit reads at most the batches it is given and then takes the stream for one without an end. */
  @Test
  void streamWithoutAnEndStopsAtTheBound() {
    List<RuleResult> results = StreamProducerRules.check(new StreamNeverEnds(), 5);
    Verdict verdict = new Verdict("never-ends", results);

    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY).message())
        .contains("no end of stream within 5 batches");
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES).message())
        .startsWith("6 results (the schema and 5 arrays) read as C Data");
    assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY);
  }

  /** A producer that fills nothing is named by every rule that needs its stream. */
  @Test
  void producerThatFillsNothingFailsEveryRuleThatReads() {
    Verdict verdict = ConformanceKit.checkStreamProducer("fills-nothing", address -> { });

    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL).message())
        .contains("producing and reading the stream failed: java.lang.IllegalStateException: the producer returned"
            + " without filling the stream (its release is NULL)");
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE).status())
        .isEqualTo(Status.NOT_APPLICABLE);
    assertThat(Thread.interrupted()).as("only an InterruptedException sets the interrupt flag").isFalse();
  }
}
