package dev.arrowownership.libraries.lance;

import static org.assertj.core.api.Assertions.assertThat;

import com.lancedb.lance.Dataset;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.libraries.ArrowRsStreamVerdicts;
import dev.arrowownership.libraries.ConformanceReports;
import dev.arrowownership.libraries.StructMemory;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lance's scanner stream ({@code LanceScanner.openStream}) and dataset schema ({@code
 * Dataset.importFfiSchema}), both private natives reached by reflection, checked as stream producer and
 * as producer, over a dataset of 3 generated batches of 100 rows read in batches of 128.
 */
class LanceStreamProducerTest {
  private static final String VERSION = "lance-core 0.39.0 ";
  private static final int ROWS = 300;
  private static final long BATCH_SIZE = 128;
  @TempDir static Path directory;
  private static RootAllocator allocator;
  private static Dataset dataset;

  @BeforeAll
  static void writeDataset() {
    LanceNatives.loadOrSkip();
    allocator = new RootAllocator();
    dataset = LanceDatasets.write(allocator, directory.resolve("scanned"), 3, ROWS / 3);
  }

  @AfterAll
  static void close() {
    if (dataset != null) {
      dataset.close();
      allocator.close(); // fails if Lance kept any of the bytes Arrow Java exported to it
    }
  }

  /**
   * The scanner's stream keeps every required stream producer rule; it writes over a live stream struct
   * handed to it instead of refusing it (an optional rule), as arrow-rs's exports do.
   */
  @Test
  void scannerStreamKeepsTheStreamProducerRules() throws Exception {
    try (LanceTargets targets = new LanceTargets()) {
      Verdict verdict = ConformanceReports.write("lance-stream-producer", ConformanceKit.checkStreamProducer(
          VERSION + "LanceScanner.openStream", targets.streamProducer(dataset, BATCH_SIZE)));

      ArrowRsStreamVerdicts.assertArrowRsStreamExport(verdict, (ROWS + BATCH_SIZE - 1) / BATCH_SIZE);
    }
  }

  /** The dataset's schema with the first batch of a scan keeps every producer rule the kit can check without a fault hook. */
  @Test
  void datasetSchemaAndScannedBatchKeepTheProducerRules() throws Exception {
    try (LanceTargets targets = new LanceTargets(); StructMemory structs = new StructMemory(allocator)) {
      Verdict verdict = ConformanceReports.write("lance-producer", ConformanceKit.checkProducer(
          VERSION + "Dataset.importFfiSchema + LanceScanner.openStream", targets.producer(dataset, structs, BATCH_SIZE)));

      verdict.assertConformsIncludingOptional();
      assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule).containsExactlyInAnyOrder(
          Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED);
      assertThat(verdict.result(Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID).message()).contains("length " + BATCH_SIZE);
      assertThat(dataset.countRows()).isEqualTo(ROWS);
    }
  }
}
