package dev.arrowownership.libraries.comet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.libraries.ConformanceReports;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Comet's shuffle block decoder, a producer of one array and schema per column, checked per column type. */
class CometProducerTest {
  private static final int ROWS = 100;
  /** Columns whose array and schema have children or a dictionary (the rest have none). */
  private static final List<String> NESTED = List.of("point", "tags", "color");

  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();

  @BeforeAll
  static void loadComet() {
    CometNative.loadOrSkip();
  }

  /** The decoder's output structs of the test that made them, freed before the allocator's leak check. */
  private ColumnStructs output;

  @AfterEach
  void close() {
    if (output != null) {
      output.close();
    }
    ledger.close();
    allocator.close(); // the leak check
  }

  /** Each decoded column, whatever its layout, keeps every producer rule the kit can check here. */
  @ParameterizedTest
  @FieldSource("dev.arrowownership.libraries.comet.CometTargets#COLUMNS")
  void decodedColumnKeepsTheProducerRules(String column) throws Exception {
    Verdict verdict = ConformanceReports.write("comet-producer-" + column, ConformanceKit.checkProducer(
        "comet 1.2.0 decodeShuffleBlock, column " + column, CometTargets.columnProducer(allocator, column, ROWS)));

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN).status())
        .isEqualTo(NESTED.contains(column) ? Status.PASSED : Status.NOT_APPLICABLE);
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(r -> r.rule()).contains(
        Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED);
  }

  /**
   * A block of every column decodes into one array and schema per column whose release callbacks are
   * Comet's own (in libcomet.so), whose values are the block's, and whose releases, through Arrow Java's
   * importer, reach every struct once.
   */
  @Test
  void wholeBatchDecodesIntoColumnsReleasedOnceEach() throws Exception {
    int columns = CometTargets.COLUMNS.size();
    output = new ColumnStructs(allocator, columns);
    long[] arrayAddresses = output.arrayAddresses();
    long[] schemaAddresses = output.schemaAddresses();
    ByteBuffer block = CometTargets.block(allocator, CometTargets.COLUMNS, ROWS);

    assertThat(CometNative.decodeShuffleBlock(block, arrayAddresses, schemaAddresses)).isEqualTo(ROWS);

    List<TrackedStruct> tracked = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      assertThat(MappedFiles.fileAt(StructKind.ARRAY.release(arrayAddresses[i]))).hasValueSatisfying(f -> assertThat(f).contains("libcomet"));
      assertThat(MappedFiles.fileAt(StructKind.SCHEMA.release(schemaAddresses[i]))).hasValueSatisfying(f -> assertThat(f).contains("libcomet"));
      tracked.addAll(ledger.trackTree(StructKind.ARRAY, arrayAddresses[i], "comet-" + CometTargets.COLUMNS.get(i)));
      tracked.addAll(ledger.trackTree(StructKind.SCHEMA, schemaAddresses[i], "comet-" + CometTargets.COLUMNS.get(i)));
    }
    try (GeneratedBatch source = GeneratedBatch.create(allocator, ROWS, CometTargets.SEED);
        CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
      for (int i = 0; i < columns; i++) {
        try (FieldVector decoded = Data.importVector(allocator, output.array(i), output.schema(i), dictionaries)) {
          FieldVector expected = source.root().getVector(CometTargets.COLUMNS.get(i));
          assertThat(decoded.getValueCount()).isEqualTo(ROWS);
          assertThat(decoded.getNullCount()).isEqualTo(expected.getNullCount());
          for (int row = 0; row < ROWS; row++) {
            assertThat(decoded.getObject(row)).as("%s row %d", expected.getName(), row).isEqualTo(expected.getObject(row));
          }
        }
      }
      assertThat(dictionaries.getDictionaryIds()).hasSize(1);
      assertThat(dictionaries.lookup(dictionaries.getDictionaryIds().iterator().next()).getVector().toString())
          .isEqualTo(source.dictionaries().lookup(1L).getVector().toString());
    }

    // Bases, and an array and a schema each for point.x, point.label, tags.item and color's dictionary.
    assertThat(tracked).hasSize(2 * columns + 2 * 4);
    assertThat(tracked).extracting(ledger::releaseCount).containsOnly(1);
    assertThat(ledger.violations()).isEmpty();
  }
}
