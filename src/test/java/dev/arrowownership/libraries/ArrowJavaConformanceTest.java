package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.support.ArrowJavaProducers;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Arrow Java 19.0.0's C Data exporters and importers, each checked by the kit against its role's rules. */
class ArrowJavaConformanceTest {
  private static final String VERSION = "arrow-c-data 19.0.0 ";

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close(); // the producers' leak check
  }

  /** {@code Data.exportVectorSchemaRoot} keeps every producer rule. */
  @Test
  void exportVectorSchemaRootKeepsEveryProducerRule() {
    assertAllPassed(ConformanceReports.write("arrow-java-export-root", ConformanceKit.checkProducer(
        VERSION + "Data.exportVectorSchemaRoot", ArrowJavaProducers.producer(allocator, ArrowJavaProducers.ROOT))));
  }

  /** {@code Data.exportVector} keeps every producer rule. */
  @Test
  void exportVectorKeepsEveryProducerRule() {
    assertAllPassed(ConformanceReports.write("arrow-java-export-vector", ConformanceKit.checkProducer(
        VERSION + "Data.exportVector", ArrowJavaProducers.producer(allocator, ArrowJavaProducers.STRUCT_VECTOR))));
  }

  /** {@code Data.importVectorSchemaRoot} keeps every consumer rule but releasing on allocation failure. */
  @Test
  void importVectorSchemaRootLosesTheArrayWhenAnAllocationFails() {
    assertOnlyFindingIsReleaseOnFailure("arrow-java-import-root", ConformanceKit.checkConsumer(
        VERSION + "Data.importVectorSchemaRoot", ArrowJavaTargets.consumer(ArrowJavaTargets::importRoot)));
  }

  /** {@code Data.importIntoVector} keeps every consumer rule but releasing on allocation failure. */
  @Test
  void importIntoVectorLosesTheArrayWhenAnAllocationFails() {
    assertOnlyFindingIsReleaseOnFailure("arrow-java-import-vector", ConformanceKit.checkConsumer(
        VERSION + "Data.importField + Data.importIntoVector", ArrowJavaTargets.consumer(ArrowJavaTargets::importIntoVector)));
  }

  /** {@code Data.importArrayStream}, read to its end and closed, keeps both stream consumer rules. */
  @Test
  void importArrayStreamKeepsBothStreamConsumerRules() {
    assertAllPassed(ConformanceReports.write("arrow-java-import-stream", ConformanceKit.checkStreamConsumer(
        VERSION + "Data.importArrayStream", ArrowJavaTargets.streamImport())));
  }

  private static void assertAllPassed(Verdict verdict) {
    verdict.assertConforms();
    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
  }

  private static void assertOnlyFindingIsReleaseOnFailure(String report, Verdict verdict) {
    Verdict expected = ConformanceReports.write(report, verdict.expectingFindings(
        Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, KnownFindings.ARROW_JAVA_IMPORT_ALLOCATION_FAILURE)));
    expected.assertConforms();
    assertThat(expected.with(Status.FINDING)).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE);
    assertThat(expected.with(Status.PASSED)).hasSize(expected.results().size() - 1);
  }
}
