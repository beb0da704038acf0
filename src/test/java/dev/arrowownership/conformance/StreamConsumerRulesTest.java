package dev.arrowownership.conformance;

import static dev.arrowownership.conformance.RuleMessages.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.conformance.RuleResult.Status;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
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
        .matches("\\d+ schemas and arrays obtained, each released once, the allocator left empty");
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

  /**
   * A consumer that releases a child of the schema it obtained, then the schema: each result was
   * released once, and the child release the ledger reported fails the results rule.
   */
  @Test
  void childReleasedByTheConsumerFailsTheResultsRule() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("releases-a-child", (stream, allocator) -> {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream);
      try (ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
        wrapped.getSchema(schema);
        ArrowSchema.wrap(MemoryUtil.getLong(schema.snapshot().children)).release();
        schema.release();
      }
      wrapped.release();
      return () -> { };
    });
    assertThat(failed(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE))
        .contains("Result lifetimes): [CHILD_RELEASED_BY_CONSUMER on stream.schema.children[0].schema#");
  }

  /**
   * A consumer that releases the stream and every result once but keeps 64 bytes of the allocator
   * it was lent fails the results rule with the byte count, also when it found no result at all.
   */
  @Test
  void bytesLeftInTheLentAllocatorFailTheResultsRule() {
    Verdict reading = ConformanceKit.checkStreamConsumer("keeps-a-buffer", (stream, allocator) -> {
      AutoCloseable result = new ReadingStreamConsumer().consume(stream, allocator);
      allocator.buffer(64); // never closed
      return result;
    });
    assertThat(failed(reading, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE))
        .contains("Result lifetimes): [the consumer's allocator still holds 64 bytes after its result was closed]. If");
    Verdict unread = ConformanceKit.checkStreamConsumer("unread", (stream, allocator) -> {
      allocator.buffer(64);
      ArrowArrayStream.wrap(stream).release();
      return () -> { };
    });
    assertThat(failed(unread, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE))
        .contains("still holds 64 bytes");
  }

  /**
   * After the check, every allocator lent to the consumer (one per stream: the plain one, 4 failing,
   * 2 shapes, 4 invalid) is closed: its root has no child allocator left, and holds nothing.
   */
  @Test
  void lentAllocatorsAreClosedAfterTheCheck() {
    List<BufferAllocator> lent = new ArrayList<>();
    ConformanceKit.checkStreamConsumer("reading", (stream, allocator) -> {
      lent.add(allocator);
      return new ReadingStreamConsumer().consume(stream, allocator);
    });
    assertThat(lent).hasSize(11).allSatisfy(allocator -> {
      assertThat(allocator.getRoot().getChildAllocators()).isEmpty();
      assertThat(allocator.getRoot().getAllocatedMemory()).isZero();
    });
  }
}
