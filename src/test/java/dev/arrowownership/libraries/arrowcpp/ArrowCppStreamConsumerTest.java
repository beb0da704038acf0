package dev.arrowownership.libraries.arrowcpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.libraries.ConformanceReports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Arrow C++'s dataset writer ({@code writeFromScannerToFile}, Parquet) as a stream consumer of the kit's streams. */
class ArrowCppStreamConsumerTest {
  /** A write of three small batches takes milliseconds once the library is warm; the first about 2 s. */
  private static final Duration PATIENCE = Duration.ofSeconds(4);
  @TempDir Path directory;

  @BeforeAll
  static void load() {
    ArrowCppLibrary.loadOrSkip();
  }

  /**
   * The writer keeps every stream consumer rule, the optional one too, but one: a batch of length -1
   * blocks it for ever, the stream and its batches never released (the kit's run is the reproducer:
   * a stream of three batches, the first of length -1; its allocator is closed quietly by the kit).
   */
  @Test
  @EnabledIfSystemProperty(named = "arrowownership.arrowcpp.blockingWrite", matches = "true",
      disabledReason = "the negative_length stream leaves a writer blocked, and the JVM then never exits"
          + " (surefire's fork stays alive): run with -Darrowownership.arrowcpp.blockingWrite=true")
  void parquetWriterKeepsTheStreamConsumerRulesButANegativeLength() {
    Verdict verdict = ConformanceReports.write("arrow-cpp-stream-consumer", ConformanceKit.checkStreamConsumer(
            ArrowCppLibrary.VERSION + " Parquet writer", ArrowCppTargets.parquetWriter(directory, PATIENCE))
        .expectingFindings(Map.of(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE,
            ArrowCppFindings.NEGATIVE_LENGTH_HANGS)));

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE).message())
        .contains("1 of 4").contains(ArrowCppTargets.HANGS)
        // the minimal reproducer: the stream and the three batches never released, the schema is
        .contains("negative_length (array.length is -1): the stream was released 0 times, stream.batch0.array")
        .contains("released 0 times, stream.batch2.array");
    assertThat(verdict.with(Status.PASSED)).extracting(RuleResult::rule).hasSize(5);
  }

  /**
   * A write may return before the stream is released: a worker thread releases it about a
   * millisecond later (observed in 4 of 20 failing writes), exactly once. The spec does not time a
   * consumer's release, so this is no finding; the adapter gives every write a grace for it.
   */
  @Test
  void failedWritesReleaseTheirStreamOnceSoonAfter() throws Exception {
    CDataStreamConsumer writer = ArrowCppTargets.parquetWriter(directory, PATIENCE);
    for (int i = 0; i < 5; i++) {
      try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
          KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(3).failingGetNext(1, "kit: failing"))) {
        assertThatThrownBy(() -> writer.consume(stream.address(), allocator)).hasMessageContaining("kit: failing");

        assertThat(stream.releaseCalls()).isEqualTo(1);
        assertThat(stream.results().stream().map(ledger::releaseCount).toList()).containsOnly(1);
      }
    }
  }
}
