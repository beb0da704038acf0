package dev.arrowownership.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.kit.RuleResult.Status;
import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The kit passes conforming producers and consumers on every rule of their role. */
class ConformanceKitTest {

  /** Arrow Java's exporter keeps every producer rule. */
  @Test
  void arrowJavaExportPassesEveryProducerRule() {
    try (RootAllocator allocator = new RootAllocator()) {
      Verdict verdict = ConformanceKit.checkProducer("arrow-java-export", ArrowJavaTargets.producer(allocator));
      verdict.assertConforms();
      assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
      assertThat(verdict.results()).extracting(RuleResult::rule).containsExactly(rules(Rule.Role.PRODUCER));
    }
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
   * Arrow Java's importer keeps the consumer rules on success but not when an allocation fails
   * part way: the array was moved out of the kit's struct and is never released.
   */
  @Test
  void arrowJavaImportLeaksTheArrayWhenAnAllocationFails() {
    Verdict verdict = ConformanceKit.checkConsumer("arrow-java-import", ArrowJavaTargets::importBatch)
        .expectingFindings(Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "Arrow Java 19.0.0 ArrayImporter"));
    verdict.assertConforms();
    assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::rule).containsExactly(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).message())
        .contains("base releases [array, schema] = [0, 1]");
  }

  private static Rule[] rules(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role).toArray(Rule[]::new);
  }
}
