package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.HandMadeProducer;
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

  /** Arrow Java's exporter keeps every producer rule. */
  @Test
  void arrowJavaExportPassesEveryProducerRule() {
    try (RootAllocator allocator = new RootAllocator()) {
      Verdict verdict = ConformanceKit.checkProducer("arrow-java-export", ArrowJavaProducers.producer(allocator, ArrowJavaProducers.ROOT));
      verdict.assertConforms();
      assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
      assertThat(verdict.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.PRODUCER));
    }
  }

  /** A producer written like the spec's C examples keeps every producer rule. */
  @Test
  void handMadeProducerPassesEveryProducerRule() {
    Verdict verdict = ConformanceKit.checkProducer("hand-made", new HandMadeProducer());
    verdict.assertConforms();
    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
  }

  /** Stream consumers that release the stream and every result once keep both stream rules. */
  @Test
  void conformingStreamConsumersPassEveryStreamRule() {
    Verdict reading = ConformanceKit.checkStreamConsumer("reading-stream-consumer", new ReadingStreamConsumer());
    Verdict arrowJava = ConformanceKit.checkStreamConsumer("arrow-java-stream-import", (stream, allocator) -> {
      ArrowReader reader = Data.importArrayStream(allocator, ArrowArrayStream.wrap(stream));
      try {
        while (reader.loadNextBatch()) {
          reader.getVectorSchemaRoot().contentToTSVString();
        }
        return reader;
      } catch (Exception e) {
        reader.close();
        throw e;
      }
    });
    for (Verdict verdict : java.util.List.of(reading, arrowJava)) {
      verdict.assertConforms();
      assertThat(verdict.results()).as(verdict.toString()).extracting(RuleResult::status).containsOnly(Status.PASSED);
      assertThat(verdict.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.STREAM_CONSUMER));
    }
    assertThat(reading.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE).message()).startsWith("4 schemas and arrays");
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
   * (apache/arrow-java#1239, fixed by PR #1240 after 19.0.0). Flips when the fix is picked up.
   */
  @Test
  void arrowJavaImportLeaksTheArrayWhenAnAllocationFails() {
    Verdict verdict = ConformanceKit.checkConsumer("arrow-java-import", ArrowJavaTargets::importBatch)
        .expectingFindings(Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "https://github.com/apache/arrow-java/issues/1239"));
    verdict.assertConforms();
    assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::rule).containsExactly(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).message())
        .contains("base releases [array, schema] = [0, 1]").doesNotContain("allocation #0 failing");
  }

  private static Rule[] rules(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role).toArray(Rule[]::new);
  }
}
