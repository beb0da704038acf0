package dev.arrowownership.libraries.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.KitStructs;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.Violation;
import dev.arrowownership.libraries.ConformanceReports;
import java.util.List;
import java.util.Map;
import org.apache.comet.Native;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Comet's native columnar-to-row converter, a consumer of one array and schema per column. */
class CometConsumerTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();

  @BeforeAll
  static void loadComet() {
    CometNative.loadOrSkip();
  }

  @AfterEach
  void close() {
    ledger.close();
    allocator.close(); // the leak check
  }

  /**
   * The converter releases every valid and invalid batch once, never a child, but leaves the caller's
   * structs looking live after it released them (the move rule, and the invalid-input rule that counts
   * a live struct as the caller's to release), and it converts a batch with a released child.
   */
  @Test
  void rowConverterReleasesOnceButLeavesTheCallersStructsLive() {
    Verdict verdict = ConformanceReports.write("comet-consumer", ConformanceKit.checkConsumer(
            "comet 1.2.0 columnarToRowConvert", CometTargets.rowConverter())
        .expectingFindings(Map.of(
            Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED, CometFindings.ROW_CONVERTER_MOVE_LEAVES_SOURCE_LIVE,
            Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE, CometFindings.ROW_CONVERTER_MOVE_LEAVES_SOURCE_LIVE,
            Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE, CometFindings.ROW_CONVERTER_READS_RELEASED_CHILD)));

    verdict.assertConforms();
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE).status()).isEqualTo(Status.PASSED);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED).message()).contains("5 of 5 runs"
        + " break it, first: no fault: base releases [array, schema] = [1, 1]; released, yet still live (release != NULL)"
        + " where the caller put it: array and schema");
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE).message())
        .contains("4 of 4").contains("base releases [array, schema] = [1, 1], left live [true, true]");
    assertThat(verdict.result(Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE).message())
        .contains("1 of 4").contains("released_child");
  }

  /**
   * The minimal reproducer: a valid batch converted is released once, yet both of the caller's structs
   * keep their release callback, so a caller that releases what it still sees live releases it twice.
   */
  @Test
  void convertedBatchIsReleasedButLeftLookingLive() throws Exception {
    try (KitStructs batch = KitBatches.export(allocator, ledger, "comet-c2r", 7)) {
      try (AutoCloseable rows = CometTargets.rowConverter().consume(batch.arrayAddress(), batch.schemaAddress(), allocator)) {
        assertThat(((CometTargets.ConvertedRows) rows).rows().numRows()).isEqualTo(KitBatches.ROWS);
        assertThat(batch.bases()).extracting(ledger::releaseCount).containsExactly(1, 1);
      }
      assertThat(StructKind.ARRAY.isLive(batch.arrayAddress())).isTrue();
      assertThat(StructKind.SCHEMA.isLive(batch.schemaAddress())).isTrue();
      assertThat(ledger.violations()).isEmpty();

      batch.releaseLive(); // what a caller that follows the spec's "released structure" test does

      assertThat(ledger.violations()).extracting(Violation::kind)
          .containsExactly(Violation.Kind.DOUBLE_RELEASE, Violation.Kind.DOUBLE_RELEASE);
      assertThat(batch.bases()).extracting(ledger::releaseCount).containsExactly(2, 2);
    }
  }

  /**
   * When one column of several fails to import, the columns before it and the failing one are released,
   * the columns after it are never taken; all of them still look live, so the caller cannot tell which
   * it must release.
   */
  @Test
  void failedColumnLeavesTakenAndUntakenColumnsAlike() {
    Native natives = CometNative.loadOrSkip();
    byte[] batchType = SparkTypes.generatedBatch();
    long converter = natives.columnarToRowInit(new byte[][] {batchType, batchType, batchType}, 8192);
    try (KitStructs first = KitBatches.export(allocator, ledger, "column0", 1);
        KitStructs failing = KitBatches.exportInvalid(allocator, ledger, "column1", 2, InvalidBatch.UNKNOWN_FORMAT);
        KitStructs last = KitBatches.export(allocator, ledger, "column2", 3)) {
      List<KitStructs> columns = List.of(first, failing, last);

      Throwable thrown = catchThrowable(() -> natives.columnarToRowConvert(converter,
          columns.stream().mapToLong(KitStructs::arrayAddress).toArray(),
          columns.stream().mapToLong(KitStructs::schemaAddress).toArray(), KitBatches.ROWS));

      assertThat(thrown).hasMessageContaining("Failed to import array");
      assertThat(first.bases()).extracting(ledger::releaseCount).containsExactly(1, 1);
      assertThat(failing.bases()).extracting(ledger::releaseCount).containsExactly(1, 1);
      assertThat(last.bases()).extracting(ledger::releaseCount).containsExactly(0, 0);
      for (KitStructs column : columns) {
        assertThat(StructKind.ARRAY.isLive(column.arrayAddress())).isTrue();
        assertThat(StructKind.SCHEMA.isLive(column.schemaAddress())).isTrue();
      }
      last.releaseLive(); // the one column that is the caller's to release
      assertThat(last.bases()).extracting(ledger::releaseCount).containsExactly(1, 1);
      assertThat(ledger.violations()).isEmpty();
    } finally {
      natives.columnarToRowClose(converter);
    }
  }
}
