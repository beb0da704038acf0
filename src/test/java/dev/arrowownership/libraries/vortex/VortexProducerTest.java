package dev.arrowownership.libraries.vortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.libraries.ArrowRsStreamVerdicts;
import dev.arrowownership.libraries.ConformanceReports;
import dev.arrowownership.libraries.StructMemory;
import dev.vortex.api.Session;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Vortex's partition stream ({@code NativePartition.scanArrow}) and its schema producers ({@code
 * NativeDataSource.arrowSchema}, {@code NativeScan.arrowSchema}), checked as stream producer and as
 * producers, over a file of 3 generated batches of 100 rows (Vortex reads it back as one batch of 300).
 */
class VortexProducerTest {
  private static final String VERSION = "vortex-jni 0.76.0 ";
  private static final int ROWS = 300;
  @TempDir static Path directory;
  private static RootAllocator allocator;
  private static Session session;
  private static String uri;

  @BeforeAll
  static void writeFile() throws Exception {
    VortexNatives.loadOrSkip();
    allocator = new RootAllocator();
    session = Session.create();
    uri = VortexFiles.write(session, allocator, directory.resolve("scanned.vortex"), 3, ROWS / 3);
  }

  @AfterAll
  static void close() {
    if (allocator != null) {
      allocator.close(); // fails if Vortex kept any of the bytes Arrow Java exported to it
    }
  }

  /**
   * The partition's stream keeps every required stream producer rule; it writes over a live stream
   * struct handed to it instead of refusing it (an optional rule), as arrow-rs's exports do.
   */
  @Test
  void partitionStreamKeepsTheStreamProducerRules() {
    Verdict verdict = ConformanceReports.write("vortex-stream-producer", ConformanceKit.checkStreamProducer(
        VERSION + "NativePartition.scanArrow", VortexTargets.streamProducer(session, uri)));

    ArrowRsStreamVerdicts.assertArrowRsStreamExport(verdict, 1);
  }

  /** Each schema producer, with the first batch of a scan, keeps every producer rule the kit can check without a fault hook. */
  @ParameterizedTest
  @EnumSource(VortexTargets.SchemaSource.class)
  void schemaAndScannedBatchKeepTheProducerRules(VortexTargets.SchemaSource source) throws Exception {
    try (StructMemory structs = new StructMemory(allocator)) {
      String name = source == VortexTargets.SchemaSource.DATA_SOURCE ? "NativeDataSource" : "NativeScan";
      Verdict verdict = ConformanceReports.write("vortex-producer-" + source.name().toLowerCase(java.util.Locale.ROOT),
          ConformanceKit.checkProducer(VERSION + name + ".arrowSchema + NativePartition.scanArrow",
              VortexTargets.producer(session, uri, source, structs)));

      verdict.assertConformsIncludingOptional();
      assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule).containsExactlyInAnyOrder(
          Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED);
      assertThat(verdict.result(Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID).message()).contains("length " + ROWS);
      assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN).message()).startsWith("16 children");
    }
  }
}
