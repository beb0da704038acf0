package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.support.ArrowJavaProducers;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow Java 19.0.0's C Data exporters and importers, each checked by the kit against its role's
 * rules. A finding is declared with its cause ({@link KnownFindings}), so the test fails when
 * upstream fixes it; an optional rule's failure is asserted as observed.
 */
class ArrowJavaConformanceTest {
  private static final String VERSION = "arrow-c-data 19.0.0 ";
  private static final Rule PRODUCER_FAILURE = Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED;
  private static final Rule INVALID_INPUT = Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE;
  private static final Rule REJECTS_WHOLE = Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE;

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close(); // the producers' leak check
  }

  /** {@code Data.exportVectorSchemaRoot} keeps every producer rule; lent no allocator, its failure paths are not walked. */
  @Test
  void exportVectorSchemaRootKeepsEveryProducerRule() {
    assertOnly(ConformanceReports.write("arrow-java-export-root", ConformanceKit.checkProducer(
        VERSION + "Data.exportVectorSchemaRoot", ArrowJavaProducers.producer(allocator, ArrowJavaProducers.ROOT))),
        Map.of(), List.of(), List.of(PRODUCER_FAILURE));
  }

  /** {@code Data.exportVector} keeps every producer rule; lent no allocator, its failure paths are not walked. */
  @Test
  void exportVectorKeepsEveryProducerRule() {
    assertOnly(ConformanceReports.write("arrow-java-export-vector", ConformanceKit.checkProducer(
        VERSION + "Data.exportVector", ArrowJavaProducers.producer(allocator, ArrowJavaProducers.STRUCT_VECTOR))),
        Map.of(), List.of(), List.of(PRODUCER_FAILURE));
  }

  /**
   * {@code Data.exportVectorSchemaRoot} from the kit's allocator: a failing allocation after the
   * schema's export began leaves the caller's schema live (details: {@code ArrowJavaExportFaultTest}).
   */
  @Test
  void exportVectorSchemaRootLeavesTheSchemaLiveWhenAnAllocationFails() {
    Verdict verdict = assertOnly(ConformanceReports.write("arrow-java-export-root-faults", ConformanceKit.checkProducer(
        VERSION + "Data.exportVectorSchemaRoot (the kit's allocator)", ArrowJavaProducers.allocating(ArrowJavaProducers.ROOT))
        .expectingFindings(Map.of(PRODUCER_FAILURE, KnownFindings.ARROW_JAVA_EXPORT_FAILURE_LEAVES_PARENT_LIVE))),
        Map.of(PRODUCER_FAILURE, "the schema was left live"), List.of(), List.of());
    assertThat(verdict.result(PRODUCER_FAILURE).message()).contains("47 of 86 allocation points break it, first:"
        + " allocation #39 failing: produce() threw org.apache.arrow.memory.OutOfMemoryException");
  }

  /** {@code Data.exportVector} from the kit's allocator: the same, for the struct column's schema and array. */
  @Test
  void exportVectorLeavesTheParentLiveWhenAnAllocationFails() {
    assertOnly(ConformanceReports.write("arrow-java-export-vector-faults", ConformanceKit.checkProducer(
        VERSION + "Data.exportVector (the kit's allocator)", ArrowJavaProducers.allocating(ArrowJavaProducers.STRUCT_VECTOR))
        .expectingFindings(Map.of(PRODUCER_FAILURE, KnownFindings.ARROW_JAVA_EXPORT_FAILURE_LEAVES_PARENT_LIVE))),
        Map.of(PRODUCER_FAILURE, "the schema was left live"), List.of(), List.of());
  }

  /**
   * {@code Data.importVectorSchemaRoot} loses the array when an allocation fails part way, and when
   * the batch's length is -1 (the root it fails to load is never closed); it refuses an unknown format
   * after releasing only the schema.
   */
  @Test
  void importVectorSchemaRootLosesTheArrayWhenAnAllocationFailsOrTheLengthIsNegative() {
    Verdict verdict = assertOnly(ConformanceReports.write("arrow-java-import-root", ConformanceKit.checkConsumer(
        VERSION + "Data.importVectorSchemaRoot", ArrowJavaTargets.consumer(ArrowJavaTargets::importRoot))
        .expectingFindings(Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, KnownFindings.ARROW_JAVA_IMPORT_ALLOCATION_FAILURE,
            INVALID_INPUT, KnownFindings.ARROW_JAVA_IMPORT_FAILURE_DROPS_ITS_VECTOR))),
        Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "base releases [array, schema] = [0, 1]",
            INVALID_INPUT, "1 of 4 invalid batches break it: [negative_length (array.length is -1): base releases"
                + " [array, schema] = [0, 1], left live [false, false], threw java.lang."),
        List.of(REJECTS_WHOLE), List.of());
    assertThat(verdict.result(REJECTS_WHOLE).message()).contains("2 of 4 invalid batches accepted or left half released:"
        + " [unknown_format (schema.children[0].format is '?kit', a format the spec does not define): base releases"
        + " [array, schema] = [0, 1], left live [true, false], threw java.lang.UnsupportedOperationException: Format ?kit"
        + " is not supported, negative_length");
  }

  /**
   * {@code Data.importField} + {@code Data.importIntoVector}, the caller closing the vector it made
   * when the import fails: every invalid batch released once (the array of an unknown format left live
   * for the caller); it accepts a negative length. Only apache/arrow-java#1239 remains.
   */
  @Test
  void importIntoVectorKeepsTheInvalidInputRuleWhenTheCallerClosesItsVector() {
    Verdict verdict = assertOnly(ConformanceReports.write("arrow-java-import-vector", ConformanceKit.checkConsumer(
        VERSION + "Data.importField + Data.importIntoVector", ArrowJavaTargets.consumer(ArrowJavaTargets::importIntoVector))
        .expectingFindings(Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, KnownFindings.ARROW_JAVA_IMPORT_ALLOCATION_FAILURE))),
        Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "base releases [array, schema] = [0, 1]"),
        List.of(REJECTS_WHOLE), List.of());
    assertThat(verdict.result(INVALID_INPUT).message()).isEqualTo("4 invalid batches: each base struct released once, by"
        + " the consumer or, where it was left live (1 of 4), by the caller");
    assertThat(verdict.result(REJECTS_WHOLE).message()).contains("2 of 4 invalid batches accepted or left half released")
        .contains("negative_length (array.length is -1): base releases [array, schema] = [1, 1], left live [false, false]]");
  }

  /**
   * {@code Data.importVector} loses the array when a child is released: it imported the first child
   * into a vector of its own, then failed and never closed that vector.
   */
  @Test
  void importVectorLosesTheArrayWhenAChildIsReleased() {
    assertOnly(ConformanceReports.write("arrow-java-import-vector-one-call", ConformanceKit.checkConsumer(
        VERSION + "Data.importVector", ArrowJavaTargets.consumer(ArrowJavaTargets::importVector))
        .expectingFindings(Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, KnownFindings.ARROW_JAVA_IMPORT_ALLOCATION_FAILURE,
            INVALID_INPUT, KnownFindings.ARROW_JAVA_IMPORT_FAILURE_DROPS_ITS_VECTOR))),
        Map.of(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "base releases [array, schema] = [0, 1]",
            INVALID_INPUT, "1 of 4 invalid batches break it: [released_child (array.children[1] is released (release =="
            + " NULL) under a live parent): base releases [array, schema] = [0, 1], left live [false, false], threw"
            + " java.lang.IllegalStateException: Cannot import released ArrowArray, consumer holds "),
        List.of(REJECTS_WHOLE), List.of());
  }

  /**
   * {@code Data.importArrayStream}, read to its end and closed: the plain, empty and uneven streams
   * pass; when reading the schema fails after a batch was fetched (get_schema failing, a schema it
   * cannot import) that batch is lost, and what a failing get_next filled is never released.
   */
  @Test
  void importArrayStreamLosesTheBatchInFlightWhenTheSchemaFails() {
    assertOnly(ConformanceReports.write("arrow-java-import-stream", ConformanceKit.checkStreamConsumer(
        VERSION + "Data.importArrayStream", ArrowJavaTargets.streamImport())
        .expectingFindings(Map.of(
            Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR, KnownFindings.ARROW_JAVA_STREAM_READER_CLOSES_LIVE_BATCH,
            Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE, KnownFindings.ARROW_JAVA_STREAM_READER_CLOSES_LIVE_BATCH))),
        Map.of(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR, "1 of 4 failing streams break it: [get_schema"
                + " fails: stream.batch0.array#",
            Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE, "1 of 4 streams with an invalid schema or batch"
                + " break it: [unknown_format"),
        List.of(Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED), List.of());
  }

  /**
   * Asserts the verdict conforms with exactly these findings (each message containing its text),
   * these optional failures and these rules not applicable, every other rule passed; returns it.
   */
  private static Verdict assertOnly(Verdict verdict, Map<Rule, String> findings, List<Rule> optionalFailures,
      List<Rule> notApplicable) {
    verdict.assertConforms();
    assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::rule).containsExactlyInAnyOrderElementsOf(findings.keySet());
    findings.forEach((rule, text) -> assertThat(verdict.result(rule).message()).contains(text));
    assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule).containsExactlyElementsOf(optionalFailures);
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule).containsExactlyElementsOf(notApplicable);
    assertThat(verdict.with(Status.PASSED)).hasSize(
        verdict.results().size() - findings.size() - optionalFailures.size() - notApplicable.size());
    return verdict;
  }
}
