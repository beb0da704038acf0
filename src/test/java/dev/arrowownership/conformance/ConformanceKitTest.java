package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.HandMadeProducer;
import dev.arrowownership.fixtures.ProducerPublishesLast;
import dev.arrowownership.fixtures.ReadingConsumer;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.support.ArrowJavaProducers;
import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

/** The kit passes conforming producers and consumers on every rule of their role. */
class ConformanceKitTest {

  /**
   * Arrow Java's exporter keeps every producer rule the kit can check on it; lending no allocator
   * and no fault hook, its failure paths are not walked (the allocator-lending check is
   * {@code ArrowJavaConformanceTest}'s).
   */
  @Test
  void arrowJavaExportPassesEveryProducerRule() {
    try (RootAllocator allocator = new RootAllocator()) {
      Verdict verdict = ConformanceKit.checkProducer("arrow-java-export", ArrowJavaProducers.producer(allocator, ArrowJavaProducers.ROOT));
      verdict.assertConforms();
      assertPassedButTheFailureRule(verdict);
      assertThat(verdict.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.PRODUCER));
    }
  }

  /** A producer written like the spec's C examples keeps every producer rule (it has no fault hook). */
  @Test
  void handMadeProducerPassesEveryProducerRule() {
    Verdict verdict = ConformanceKit.checkProducer("hand-made", new HandMadeProducer());
    verdict.assertConforms();
    assertPassedButTheFailureRule(verdict);
  }

  /**
   * A producer that exports into structs of its own and moves them into the caller's only on success
   * keeps every producer rule, its failure paths walked through the allocator the kit lends it.
   */
  @Test
  void producerThatPublishesLastPassesEveryProducerRule() {
    Verdict verdict = ConformanceKit.checkProducer("publishes-last", new ProducerPublishesLast());
    verdict.assertConforms();
    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED).message())
        .matches("each of \\d+ allocation points failed in turn; produce\\(\\) failed at \\d+ of them, each time"
            + " leaving both structs released or untouched, and held no more memory than before");
  }

  /** A stream consumer that releases the stream and every result once, on every path, keeps every stream rule. */
  @Test
  void conformingStreamConsumerPassesEveryStreamRule() {
    Verdict reading = ConformanceKit.checkStreamConsumer("reading-stream-consumer", new ReadingStreamConsumer());
    reading.assertConformsIncludingOptional();
    assertThat(reading.results()).as(reading.toString()).extracting(RuleResult::status).containsOnly(Status.PASSED);
    assertThat(reading.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.STREAM_CONSUMER));
    assertThat(reading.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE).message()).startsWith("4 schemas and arrays");
  }

  /**
   * Arrow Java's stream importer keeps the rules of the plain, the empty and the uneven streams; it
   * loses the batch it fetched when reading the schema fails after it (get_schema failing, a schema
   * it cannot import), and never releases what a failing get_next put into {@code out}.
   */
  @Test
  void arrowJavaStreamImportLosesTheBatchInFlightWhenTheSchemaFails() {
    String cause = "ArrowArrayStreamReader.loadNextBatch closes a live batch (docs/conformance/arrow-java.md)";
    Verdict verdict = ConformanceKit.checkStreamConsumer("arrow-java-stream-import", (stream, allocator) -> {
      ArrowReader reader = Data.importArrayStream(allocator, ArrowArrayStream.wrap(stream));
      try {
        while (reader.loadNextBatch()) {
          reader.getVectorSchemaRoot().contentToTSVString();
        }
        return reader;
      } catch (Exception | Error e) {
        reader.close();
        throw e;
      }
    }).expectingFindings(Map.of(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR, cause,
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE, cause));
    verdict.assertConforms();
    assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule)
        .containsExactly(Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED);
    assertThat(verdict.with(Status.PASSED)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE,
        Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS);
  }

  /** A consumer that releases both base structs once, on every path, keeps every consumer rule. */
  @Test
  void conformingConsumerPassesEveryConsumerRule() {
    Verdict verdict = ConformanceKit.checkConsumer("reading-consumer", new ReadingConsumer());
    verdict.assertConforms();
    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
    assertThat(verdict.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.CONSUMER));
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).message()).contains("each of 2 allocation points");
  }

  /**
   * Arrow Java 19.0.0's importer keeps the consumer rules on success but not when an allocation
   * fails part way: the array was moved out of the caller's struct and is never released
   * (apache/arrow-java#1239, fixed by PR #1240 after 19.0.0). Handed a batch of length -1 it loses the
   * array too: it moved it into the root it then fails to load, and never closes that root. Flips
   * when either is fixed.
   */
  @Test
  void arrowJavaImportLeaksTheArrayWhenAnAllocationFails() {
    Verdict verdict = ConformanceKit.checkConsumer("arrow-java-import", ArrowJavaTargets::importBatch)
        .expectingFindings(Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "https://github.com/apache/arrow-java/issues/1239",
            Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE,
            "Data.importVectorSchemaRoot never closes the root it failed to load (docs/conformance/arrow-java.md)"));
    verdict.assertConforms();
    assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).message())
        .contains("base releases [array, schema] = [0, 1]").doesNotContain("allocation #0 failing");
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE).message())
        .contains("1 of 4 invalid batches break it: [negative_length (array.length is -1): base releases [array, schema]"
            + " = [0, 1], left live [false, false]");
    // The careful caller releases what the importer left live, so no invalid batch ends half released but that one.
    assertThat(verdict.result(Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE).message())
        .contains("1 of 4 invalid batches accepted or left half released: [negative_length");
  }

  private static void assertPassedButTheFailureRule(Verdict verdict) {
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED);
    assertThat(verdict.with(Status.PASSED)).hasSize(verdict.results().size() - 1);
  }

  private static Rule[] rules(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role).toArray(Rule[]::new);
  }
}
