package dev.arrowownership.libraries;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutSource;
import dev.arrowownership.generate.NativeLayoutWriter;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow Java 19.0.0 over every type family the kit generates: its importers as consumers of one small
 * batch per family (the kit's native writer), its stream reader over a stream of each family, and
 * {@code Data.exportVector} of what it builds from each family, every cell of the resulting rule x
 * family tables measured here and held to {@code docs/conformance/arrow-java.md}.
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
      table.add(kind.label(), verdict, FamilyRefusals.stream(verdict), FamilyRefusals::cleanStream);
    });
    table.assertDocumented(FILE, "arrow-java-import-stream", "family");
  }

  /**
   * {@code Data.exportVector} of the vector Arrow Java builds by importing each family's batch: a
   * family Arrow Java cannot import, it cannot build this way, and its row says so.
   */
  @Test
  void exportVectorOverEveryFamily() {
    FamilyTable table = new FamilyTable(Map.of());
    FamilyBatches.topLevel().forEach((kind, batch) -> {
      Optional<String> refusal = importError(batch);
      if (refusal.isPresent()) {
        table.addUniform(kind.label(), FamilyTable.notSupported("importing it to re-export: " + refusal.get()));
      } else {
        table.add(kind.label(), ConformanceKit.checkProducer(VERSION + "Data.exportVector " + batch, reexporting(batch)),
            Optional.empty(), result -> false);
      }
    });
    table.assertDocumented(FILE, "arrow-java-export-vector", "family");
  }

  private void consumerTable(String name, BatchImport imports, Map<TypeKind, LayoutBatch> batches, Map<Rule, String> causes) {
    FamilyTable table = new FamilyTable(causes);
    CDataConsumer consumer = ArrowJavaTargets.consumer(imports);
    batches.forEach((kind, batch) -> {
      Verdict verdict = ConformanceKit.checkConsumer(VERSION + name + " " + batch, consumer, new LayoutSource(batch));
      table.add(kind.label(), verdict, FamilyRefusals.consumer(verdict), FamilyRefusals::cleanConsumer);
    });
    table.assertDocumented(FILE, "arrow-java-" + name, "family");
  }

  /** Why Arrow Java cannot import {@code batch}, or empty when it can. */
  private Optional<String> importError(LayoutBatch batch) {
    try (BufferAllocator child = allocator.newChildAllocator("probe", 0, Long.MAX_VALUE);
        ArrowArray array = ArrowArray.allocateNew(child); ArrowSchema schema = ArrowSchema.allocateNew(child)) {
      NativeLayoutWriter.write(batch, child, array.memoryAddress(), schema.memoryAddress());
      try {
        ArrowJavaTargets.importVector(child, array, schema).close();
        return Optional.empty();
      } catch (Exception e) {
        array.release();
        schema.release();
        return Optional.of(e.toString());
      }
    }
  }

  /** Imports the family's batch with Arrow Java on each call and exports the vector into the kit's structs. */
  private CDataProducer reexporting(LayoutBatch batch) {
    return new CDataProducer() {
      @Override
      public void produce(long array, long schema) {
        try (ArrowArray source = ArrowArray.allocateNew(allocator); ArrowSchema sourceSchema = ArrowSchema.allocateNew(allocator);
            CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
          NativeLayoutWriter.write(batch, allocator, source.memoryAddress(), sourceSchema.memoryAddress());
          try (FieldVector vector = Data.importVector(allocator, source, sourceSchema, dictionaries)) {
            Data.exportVector(allocator, vector, dictionaries, ArrowArray.wrap(array), ArrowSchema.wrap(schema));
          }
        }
      }

      @Override
      public long allocatedBytes() {
        return allocator.getAllocatedMemory();
      }
    };
  }
}
