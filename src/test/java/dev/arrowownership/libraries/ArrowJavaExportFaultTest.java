package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.libraries.ExportFaultSweep.Kind;
import dev.arrowownership.libraries.ExportFaultSweep.Outcome;
import dev.arrowownership.support.ArrowJavaProducers;
import dev.arrowownership.support.LeakRescue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow Java 19.0.0's exporters when they fail: with each of their allocations failing in turn, and
 * with a dictionary missing from the provider. The producer failure rule wants the caller's structs
 * released or untouched after a failure and nothing left allocated; both exporters make a parent
 * live before exporting its children ({@code SchemaExporter.export}, {@code ArrayExporter.export}), so
 * a failure in a child leaves the parent live. Asserted as observed: these tests fail when it changes.
 */
class ArrowJavaExportFaultTest {
  private static final int ROWS = 10;
  /** The frame of Arrow Java's C Data loader that never closes the struct vector it fails to load. */
  private static final String LOADER = "org.apache.arrow.c.StructVectorLoader.load";

  private final LeakRescue rescue = LeakRescue.ofEveryBuffer();
  private final RootAllocator allocator = rescue.rootAllocator();
  private final ExportFaultSweep sweep = new ExportFaultSweep(allocator, rescue, ROWS);

  @AfterEach
  void close() {
    allocator.close(); // 0 outstanding: the sweep released what was live and freed what leaked
  }

  /**
   * {@code Data.exportVectorSchemaRoot}: once the schema's export has begun, every failing allocation
   * leaves the caller's schema live (and, once the array's has begun, the array too); one of them,
   * in {@code StructVectorLoader.load}, also leaks the batch's buffers, which no release gives back.
   */
  @Test
  void exportVectorSchemaRootLeavesTheSchemaLiveAndOnceLeaksTheBatch() {
    List<Outcome> outcomes = sweep.sweep(ArrowJavaProducers.ROOT);

    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.PRODUCED);
    assertThat(kinds(outcomes)).containsExactlyInAnyOrderEntriesOf(
        Map.of(Kind.PRODUCED, 1L, Kind.FAILED_CLEANLY, 31L, Kind.LEFT_LIVE, 47L));
    // every failure before the schema's export is clean: they are the batch's own allocations
    assertThat(outcomes.subList(1, 32)).allSatisfy(o -> assertThat(o.kind()).isEqualTo(Kind.FAILED_CLEANLY));
    assertThat(outcomes.subList(32, outcomes.size())).allSatisfy(o -> assertThat(o.schemaLive()).isTrue());
    assertThat(outcomes).filteredOn(Outcome::arrayLive).hasSize(1 + 15);
    List<Outcome> leaks = outcomes.stream().filter(o -> o.heldAfterRelease() > 0).toList();
    assertThat(leaks).singleElement().satisfies(leak -> {
      assertThat(frames(leak.failure())).contains(LOADER);
      assertThat(leak.heldAfterRelease()).isGreaterThan(ROWS * 1000L); // the batch's buffers, kept by the loaded vector
    });
  }

  /** {@code Data.exportVector} of a struct column: the schema, then the array, left live the same way; nothing leaks. */
  @Test
  void exportVectorLeavesTheParentLiveButLeaksNothing() {
    List<Outcome> outcomes = sweep.sweep(ArrowJavaProducers.STRUCT_VECTOR);

    assertThat(kinds(outcomes)).containsExactlyInAnyOrderEntriesOf(
        Map.of(Kind.PRODUCED, 1L, Kind.FAILED_CLEANLY, 28L, Kind.LEFT_LIVE, 10L));
    assertThat(outcomes).filteredOn(o -> o.kind() == Kind.LEFT_LIVE)
        .allSatisfy(o -> assertThat(o.heldAfterRelease()).isZero())
        .filteredOn(Outcome::arrayLive).hasSize(2);
  }

  /**
   * A dictionary-encoded column whose dictionary the provider lacks: the export throws, and the
   * caller's schema is live, built up to that column: the columns before it are live children, the
   * column itself is released, its dictionary absent. The array was never touched. Releasing the
   * schema gives every byte back.
   */
  @Test
  void missingDictionaryLeavesTheSchemaLiveUpToTheColumn() {
    try (BufferAllocator producer = allocator.newChildAllocator("producer", 0, Long.MAX_VALUE);
        StructMemory structs = new StructMemory(allocator); GeneratedBatch batch = GeneratedBatch.create(producer, ROWS, 1)) {
      ArrowArray array = structs.array();
      ArrowSchema schema = structs.schema();
      long batchBytes = producer.getAllocatedMemory();

      assertThatThrownBy(() -> Data.exportVectorSchemaRoot(producer, batch.root(), new DictionaryProvider.MapDictionaryProvider(),
          array, schema)).isInstanceOf(NullPointerException.class)
          .hasMessage("Dictionary lookup failed on export of field with dictionary");

      long address = schema.memoryAddress();
      assertThat(StructKind.SCHEMA.isLive(address)).isTrue();
      assertThat(StructKind.SCHEMA.childCount(address)).isEqualTo(5);
      for (int column = 0; column < 4; column++) {
        assertThat(StructKind.SCHEMA.isLive(StructKind.SCHEMA.child(address, column))).as("column %d", column).isTrue();
      }
      assertThat(StructKind.SCHEMA.isLive(StructKind.SCHEMA.child(address, 4))).as("color").isFalse();
      assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isFalse();
      assertThat(producer.getAllocatedMemory()).isGreaterThan(batchBytes); // the live schema's memory
      schema.release();
      assertThat(producer.getAllocatedMemory()).isEqualTo(batchBytes);
    }
  }

  private static Map<Kind, Long> kinds(List<Outcome> outcomes) {
    return outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, Collectors.counting()));
  }

  private static List<String> frames(Throwable failure) {
    return Arrays.stream(failure.getStackTrace()).map(f -> f.getClassName() + "." + f.getMethodName()).toList();
  }
}
