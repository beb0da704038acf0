package dev.arrowownership.conformance;

import static dev.arrowownership.conformance.RuleMessages.failed;
import static dev.arrowownership.conformance.RuleMessages.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.fixtures.StreamConsumerNeverReleasesStream;
import dev.arrowownership.fixtures.StreamConsumerRefusesEmptyStreams;
import dev.arrowownership.fixtures.StreamConsumerRefusesRunEndEncoded;
import dev.arrowownership.fixtures.StreamConsumerTakesAnEmptyBatchForTheEnd;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutSource;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.generate.KitBatches;
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
   * A consumer that releases the stream unread and then throws refuses it: both rules of the plain
   * stream are unsupported with its error and say what it released; the rule of the stream whose
   * get_next fills out and fails says what the consumer threw.
   */
  @Test
  void consumerExceptionIsARefusalOfBothRules() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("gives-up", (stream, allocator) -> {
      ArrowArrayStream.wrap(stream).release();
      throw new IllegalStateException("not today");
    });
    String error = "java.lang.IllegalStateException: not today";
    for (Rule rule : List.of(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE,
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE)) {
      assertThat(verdict.result(rule)).isEqualTo(RuleResult.unsupported(rule, error,
          "plain: the stream and the 0 schemas and arrays obtained were released once each, nothing held"));
    }
    RuleResult filled = verdict.result(Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED);
    assertThat(filled.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(filled.message()).isEqualTo("the consumer never called get_next on the stream whose get_next fills out"
        + " and fails (the consumer threw " + error + ")");
  }

  /** A refusal that leaves a result unreleased fails the results rule, naming the refusal and the result. */
  @Test
  void aRefusalThatKeepsAResultFailsTheResultsRule() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("keeps-the-schema", (stream, allocator) -> {
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream);
      try (ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
        wrapped.getSchema(schema); // never released
        MemoryUtil.setMemory(schema.memoryAddress(), 72, (byte) 0); // forgotten: the kit's allocator frees the struct
      }
      wrapped.release();
      throw new IllegalStateException("cannot hold it");
    });
    RuleResult results = verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE);
    assertThat(results.status()).isEqualTo(Status.FAILED);
    assertThat(results.refusal()).contains("java.lang.IllegalStateException: cannot hold it");
    assertThat(results.message()).contains("refused the kit's valid input with java.lang.IllegalStateException: cannot"
        + " hold it, and then broke the rule: [stream.schema.schema#").contains(" released 0 times]");
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE).status()).isEqualTo(Status.UNSUPPORTED);
  }

  /** A consumer that releases the stream unread and reports no error obtained nothing: the results rule is not applicable. */
  @Test
  void aStreamReleasedUnreadLeavesTheResultsRuleNotApplicable() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("unread", (stream, allocator) -> {
      ArrowArrayStream.wrap(stream).release();
      return () -> { };
    });
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE)).isEqualTo(RuleResult.notApplicable(
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE, "the consumer obtained no schema or array from the stream"));
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE).status()).isEqualTo(Status.PASSED);
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
   * A result whose close() throws after consume() returned is no refusal of the stream: the rule on
   * results fails with what close() threw, though everything was released once.
   */
  @Test
  void aResultWhoseCloseThrowsFailsTheResultsRule() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("close-throws", (stream, allocator) -> {
      AutoCloseable result = new ReadingStreamConsumer().consume(stream, allocator);
      return () -> {
        result.close();
        throw new IllegalStateException("closing");
      };
    });
    assertThat(verdict.with(Status.UNSUPPORTED)).isEmpty();
    assertThat(failed(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE)).contains("Result lifetimes):"
        + " [consume() returned, then closing its result threw java.lang.IllegalStateException: closing]");
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
        .contains("Result lifetimes): [the consumer still holds 64 bytes after its result was closed]. If");
    Verdict unread = ConformanceKit.checkStreamConsumer("unread", (stream, allocator) -> {
      allocator.buffer(64);
      ArrowArrayStream.wrap(stream).release();
      return () -> { };
    });
    assertThat(failed(unread, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE))
        .contains("still holds 64 bytes");
  }

  /** The reading consumer passes the adversarial streams, and each pass names the streams and what it saw. */
  @Test
  void readingConsumerPassesTheAdversarialStreamsWithTheirCounts() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("reading", new ReadingStreamConsumer());
    String error = "java.io.IOException: [errno 5] CDataJniException{errno=5, message=" + StreamConsumerRules.ERROR + "}";
    assertThat(passed(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR)).isEqualTo("4 failing streams"
        + " (get_schema fails; get_next fails at once; get_next fails after one batch, get_last_error NULL; get_next fills"
        + " out, then fails): the stream and every result released once each; the consumer reported the error in 4 of 4");
    assertThat(passed(verdict, Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS)).isEqualTo("no batch and"
        + " batches of [" + KitBatches.ROWS + ", 0, 1, 37] rows: read without an error, the stream and every result released once");
    assertThat(passed(verdict, Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED)).isEqualTo(
        "the array a failing get_next had put into out was released once (the consumer threw " + error + ")");
    assertThat(passed(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE)).isEqualTo("4 streams with"
        + " an invalid schema or batch: the stream and every result released once; rejected with an error: [unknown_format],"
        + " read without an error: [wrong_buffer_count, negative_length, released_child]");
  }

  /** A consumer that keeps every release but swallows the producer's errors passes, and the text says it never reported one. */
  @Test
  void swallowedErrorsAreCountedAsUnreported() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("lenient", (stream, allocator) -> {
      try {
        return new ReadingStreamConsumer().consume(stream, allocator);
      } catch (Exception swallowed) {
        return () -> { }; // the reading consumer released everything before rethrowing
      }
    });
    assertThat(passed(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR))
        .endsWith("the consumer reported the error in 0 of 4");
    assertThat(passed(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE))
        .endsWith("rejected with an error: [], read without an error: [unknown_format, wrong_buffer_count, negative_length,"
            + " released_child]");
  }

  /**
   * A consumer that releases everything but then reports an error on every valid stream refuses
   * them: the three rules of valid streams are unsupported, naming its error, none failed.
   */
  @Test
  void errorAfterReleasingEverythingIsARefusal() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("refuses-everything", (stream, allocator) -> {
      new ReadingStreamConsumer().consume(stream, allocator).close();
      throw new IllegalStateException("refuses every stream");
    });
    assertThat(verdict.with(Status.UNSUPPORTED)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE,
        Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS);
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS).message()).isEqualTo(
        "refused the kit's valid input with java.lang.IllegalStateException: refuses every stream; as the plain stream,"
            + " no batch and batches of [100, 0, 1, 37] rows refused with the stream and every result released once;"
            + " what the rule checks on accepted input was not observed");
    assertThat(verdict.with(Status.FAILED)).isEmpty();
  }

  /**
   * The empty and uneven streams' rule tells a refusal of the type (the plain stream refused too) from
   * a consumer that holds the type but not those streams, and says which: refused everywhere and
   * released, unsupported; read the plain stream but refused these, failed with a note; broke the
   * releases with or without a refusal, failed, naming the refusal when there was one.
   */
  @Test
  void emptyAndUnevenStreamsTellARefusalFromABreak() {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS;
    assertThat(failed(ConformanceKit.checkStreamConsumer("refuses-empty", new StreamConsumerRefusesEmptyStreams()), rule))
        .contains("1 of 2 streams break it: [no batch: everything released once, threw java.lang.IllegalStateException:"
            + " the stream had no batch] (the plain stream of the same batches was read without an error)");
    assertThat(failed(ConformanceKit.checkStreamConsumer("empty-for-end", new StreamConsumerTakesAnEmptyBatchForTheEnd()),
        rule)).contains("1 of 2 streams break it: [batches of").doesNotContain("plain stream").doesNotContain("refused");
    LayoutBatch runEnds = ArrowArbitraries.tour().stream().filter(b -> b.layout().kind() == TypeKind.RUN_END_ENCODED)
        .findFirst().orElseThrow();
    Verdict keeps = ConformanceKit.checkStreamConsumer("keeps", new StreamConsumerRefusesRunEndEncoded(true),
        new LayoutSource(runEnds));
    String refusal = "refused the kit's valid input with java.lang.UnsupportedOperationException: run-end encoded input"
        + " is not supported, and then broke the rule: ";
    assertThat(failed(keeps, rule)).contains(refusal + "2 of 2 streams break it: [no batch: the stream was released 0"
        + " times");
    assertThat(failed(keeps, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE)).contains(refusal
        + "the stream was released 0 times.");
    assertThat(failed(ConformanceKit.checkStreamConsumer("never", new StreamConsumerNeverReleasesStream()),
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE)).contains("): the stream was released 0 times.");
  }

  /** A run prints its scenario, what broke (or that nothing did) and whether the consumer reported an error. */
  @Test
  void runsPrintWhatHappened() {
    assertThat(new StreamRun("plain", null, 1, List.of(), List.of(), List.of(), List.of(), 0))
        .hasToString("plain: everything released once, no error reported");
    assertThat(new StreamRun("failing", new IllegalStateException("no"), 0, List.of(), List.of(), List.of("V"), List.of(), 8))
        .hasToString("failing: the stream was released 0 times, V, the consumer still holds 8 bytes after its"
            + " result was closed, threw java.lang.IllegalStateException: no");
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
