package dev.arrowownership.libraries.arrowcpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.libraries.ConformanceReports;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acero's result stream as a stream producer: a Substrait plan that reads the Parquet fixture, so
 * the stream, its schema and every batch are Arrow C++'s ({@code arrow::ExportRecordBatchReader}).
 */
class ArrowCppStreamProducerTest {
  @TempDir static Path directory;
  private static ParquetFixture parquet;

  @BeforeAll
  static void writeParquet() {
    ArrowCppLibrary.loadOrSkip();
    try (RootAllocator writer = new RootAllocator()) {
      parquet = ParquetFixture.write(writer, directory, 3, 1_000);
    }
  }

  /**
   * Acero's stream keeps every required rule the kit can measure and releases on another thread;
   * as observed, it writes its stream over a live one (the optional rule: the spec does not oblige
   * an exporter to refuse). Without a fault hook on the default pool, the error rules are not
   * applicable; StreamProducerErrorTest checks the error path by hand.
   */
  @Test
  void aceroStreamKeepsTheRequiredStreamProducerRules() {
    Verdict verdict = ConformanceReports.write("arrow-cpp-stream-producer",
        ConformanceKit.checkStreamProducer(ArrowCppLibrary.VERSION + " Acero", ArrowCppTargets.substraitStream(parquet)));

    verdict.assertConforms();
    assertThat(verdict.with(Status.PASSED)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES,
        Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM,
        Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL, Rule.REQUIRED_STREAM_PRODUCER_RELEASE_FREES_EVERYTHING,
        Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD);
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY).message()).startsWith("after 3 batches");
    assertThat(verdict.result(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET).status()).isEqualTo(Status.FAILED);
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE, Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID);
  }
}
