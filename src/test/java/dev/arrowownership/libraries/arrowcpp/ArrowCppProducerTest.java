package dev.arrowownership.libraries.arrowcpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.libraries.ConformanceReports;
import dev.arrowownership.libraries.StructMemory;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow C++'s dataset scanner as an array producer, its release callbacks counted by the kit's ledger. */
class ArrowCppProducerTest {
  private static final long ROWS = 1_000;
  @TempDir static Path directory;
  private static ParquetFixture parquet;

  private final RootAllocator allocator = new RootAllocator();
  private final RootAllocator structMemory = new RootAllocator();
  private final StructMemory structs = new StructMemory(structMemory);

  @BeforeAll
  static void writeParquet() {
    ArrowCppLibrary.loadOrSkip();
    try (RootAllocator writer = new RootAllocator()) {
      parquet = ParquetFixture.write(writer, directory, 3, (int) ROWS);
    }
  }

  @AfterEach
  void close() {
    structs.close();
    structMemory.close();
    allocator.close(); // the leak check
  }

  /**
   * The scanner's batches keep every producer rule, on another thread too, but one: a scan failing
   * on a refused reservation leaves the caller's array untouched, and 64 bytes in the pool.
   */
  @Test
  void scannerKeepsTheProducerRulesButTheFailurePathsMemory() throws Exception {
    try (ScannerProducer producer = new ScannerProducer(allocator, parquet, ROWS)) {
      Verdict verdict = ConformanceReports.write("arrow-cpp-producer",
          ConformanceKit.checkProducer(ArrowCppLibrary.VERSION + " scanner", producer).expectingFindings(Map.of(
              Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED, ArrowCppFindings.FAILED_SCAN_KEEPS_64_BYTES)));

      verdict.assertConformsIncludingOptional();
      assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::message)
          .singleElement().asString().contains("holds 64 bytes more than before");
      assertThat(verdict.with(Status.PASSED)).hasSize(6);
    }
  }

  /**
   * The minimal reproducer: the first reservation refused, the scan fails with the listener's error,
   * the caller's array is untouched, and 64 bytes stay in the pool, also after a good scan.
   */
  @Test
  void failedScanLeaves64BytesInThePool() throws Exception {
    try (ScannerProducer producer = new ScannerProducer(allocator, parquet, ROWS)) {
      ArrowArray array = structs.array();
      ArrowSchema schema = structs.schema();
      long before = producer.allocatedBytes();
      producer.faults().orElseThrow().failAt(0);

      assertThatThrownBy(() -> producer.produce(array.memoryAddress(), schema.memoryAddress()))
          .hasMessageContaining("reservation #0");
      assertThat(producer.faults().orElseThrow().disarm()).isTrue();
      assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
      assertThat(StructKind.SCHEMA.release(schema.memoryAddress())).isZero();
      // The scanner's read-ahead may hold a batch it decoded meanwhile until the next scan takes it.
      assertThat(ArrowCppLibrary.settled(producer::allocatedBytes) - before).isGreaterThanOrEqualTo(64);

      producer.produce(array.memoryAddress(), schema.memoryAddress());
      array.release();
      schema.release();
      assertThat(ArrowCppLibrary.settled(producer::allocatedBytes) - before).isEqualTo(64);
    }
  }
}
