package dev.arrowownership.libraries;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutFormats;
import dev.arrowownership.generate.LayoutSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow Java 19.0.0 over every type family the kit generates: its importers as consumers of one small
 * batch per family (the kit's native writer), its stream reader over a stream of each family, {@code
 * Data.exportVector} of what it builds from each family and {@code Data.exportVectorSchemaRoot} of
 * what it builds from each batch of the kit's tour ({@link ArrowJavaReexport}), every cell of the
 * resulting rule x family tables measured here and held to {@code docs/conformance/arrow-java.md}.
 */
class ArrowJavaFamiliesTest {
  private static final String FILE = "arrow-java.md";
  private static final String VERSION = "arrow-c-data 19.0.0 ";
  private static final String ALLOCATION_FAILURE = "allocation failure loses the array (apache/arrow-java#1239)";
  private static final String DROPS_ITS_VECTOR = "loading fails on `negative_length`/`released_child`, the vector"
      + " is never closed (finding 4)";
  private static final String FAILED_GET_NEXT = "what a failing get_next put into `out` is never released (5: spec"
      + " silent, not a finding)";
  private static final String READER_CLOSES_LIVE_BATCH = "the batch in flight is lost when the schema fails (finding 2)";

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  /** {@code Data.importVector} of each family as a top-level array. */
  @Test
  void importVectorOverEveryFamily() {
    consumerTable("import-vector", ArrowJavaTargets::importVector, FamilyBatches.topLevel(), Map.of(
        Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, ALLOCATION_FAILURE,
        Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE, DROPS_ITS_VECTOR));
  }

  /** {@code Data.importVectorSchemaRoot} of each family as the only column of a record batch. */
  @Test
  void importVectorSchemaRootOverEveryFamily() {
    consumerTable("import-root", ArrowJavaTargets::importRoot, FamilyBatches.asColumn(), Map.of(
        Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, ALLOCATION_FAILURE,
        Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE, DROPS_ITS_VECTOR));
  }

  /** {@code Data.importArrayStream} over a stream of each family as the only column (its reader takes struct batches). */
  @Test
  void importArrayStreamOverEveryFamily() {
    FamilyTable table = new FamilyTable(Map.of(
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR, READER_CLOSES_LIVE_BATCH,
        Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE, READER_CLOSES_LIVE_BATCH,
        Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED, FAILED_GET_NEXT));
    FamilyBatches.asColumn().forEach((kind, batch) -> {
      Verdict verdict = ConformanceKit.checkStreamConsumer(VERSION + "Data.importArrayStream " + batch,
          ArrowJavaTargets.streamImport(), new LayoutSource(batch));
      table.add(kind.label(), verdict);
    });
    table.assertDocumented(FILE, "arrow-java-import-stream", "family");
  }

  /**
   * {@code Data.exportVector} of the vector Arrow Java builds by importing each family's batch: a
   * family Arrow Java cannot import, it cannot build this way, and its row says so.
   */
  @Test
  void exportVectorOverEveryFamily() {
    Map<String, LayoutBatch> rows = new LinkedHashMap<>();
    FamilyBatches.topLevel().forEach((kind, batch) -> rows.put(kind.label(), batch));
    exportTable("arrow-java-export-vector", "family", rows);
  }

  /**
   * {@code Data.exportVectorSchemaRoot} of the root Arrow Java builds by importing each batch of the
   * kit's tour as a record batch (a layout that is not one is its only column): every family,
   * nested, dictionary-encoded, with metadata, duplicate names, sliced, empty and all-null.
   */
  @Test
  void exportVectorSchemaRootOverTheTour() {
    Map<String, LayoutBatch> rows = new LinkedHashMap<>();
    for (LayoutBatch batch : ArrowArbitraries.tour()) {
      LayoutBatch root = ArrowJavaReexport.Exporter.of(batch) == ArrowJavaReexport.Exporter.ROOT ? batch
          : new LayoutBatch(LayoutFormats.recordBatch(List.of(batch.layout())), batch.shape());
      rows.put("`" + root + "`", root);
    }
    exportTable("arrow-java-export-root", "tour batch", rows);
  }

  /** The producer rules over Arrow Java's export of each row's batch; a batch it cannot import reads "not supported" throughout. */
  private void exportTable(String name, String firstColumn, Map<String, LayoutBatch> rows) {
    FamilyTable table = new FamilyTable(Map.of());
    rows.forEach((row, batch) -> {
      Optional<String> refusal = ArrowJavaReexport.importError(allocator, batch);
      if (refusal.isPresent()) {
        table.addUniform(row, FamilyTable.notSupported("importing it to re-export: " + refusal.get()));
      } else {
        table.add(row, ConformanceKit.checkProducer(VERSION + ArrowJavaReexport.Exporter.of(batch) + " " + batch,
            ArrowJavaReexport.producer(allocator, batch)));
      }
    });
    table.assertDocumented(FILE, name, firstColumn);
  }

  private void consumerTable(String name, BatchImport imports, Map<TypeKind, LayoutBatch> batches, Map<Rule, String> causes) {
    FamilyTable table = new FamilyTable(causes);
    CDataConsumer consumer = ArrowJavaTargets.consumer(imports);
    batches.forEach((kind, batch) -> {
      Verdict verdict = ConformanceKit.checkConsumer(VERSION + name + " " + batch, consumer, new LayoutSource(batch));
      table.add(kind.label(), verdict);
    });
    table.assertDocumented(FILE, "arrow-java-" + name, "family");
  }
}
