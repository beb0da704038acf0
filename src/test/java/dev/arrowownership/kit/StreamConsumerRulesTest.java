package dev.arrowownership.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.kit.RuleResult.Status;
import org.apache.arrow.c.ArrowArrayStream;
import org.junit.jupiter.api.Test;

/** The stream consumer rules' texts: counts when passing, and the consumer's exception appended to both rules. */
class StreamConsumerRulesTest {

  /** A consumer that reads every batch passes with the number of results it obtained. */
  @Test
  void readingConsumerPassesWithTheResultCount() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("reading", new ReadingStreamConsumer());
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE))
        .isEqualTo(RuleResult.passed(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE, "the stream was released once"));
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE).message())
        .matches("\\d+ schemas and arrays obtained, each released once");
  }

  /**
   * A consumer that releases the stream unread and then throws: the stream rule passes, the results
   * rule is not applicable, and both say what the consumer threw.
   */
  @Test
  void consumerExceptionIsAppendedToBothRules() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("gives-up", (stream, allocator) -> {
      ArrowArrayStream.wrap(stream).release();
      throw new IllegalStateException("not today");
    });
    String threw = " (the consumer threw java.lang.IllegalStateException: not today)";
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE).message())
        .isEqualTo("the stream was released once" + threw);
    RuleResult results = verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE);
    assertThat(results.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(results.message()).isEqualTo("the consumer obtained no schema or array from the stream" + threw);
  }
}
