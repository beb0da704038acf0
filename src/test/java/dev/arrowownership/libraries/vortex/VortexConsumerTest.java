package dev.arrowownership.libraries.vortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.libraries.ConformanceReports;
import dev.vortex.api.Session;
import dev.vortex.jni.NativeWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vortex's writer ({@code NativeWriter.create}, {@code NativeWriter.writeBatch}) checked as schema and array consumer. */
class VortexConsumerTest {
  private static final String UNCHECKED_CHILD_RELEASE = "arrow-rs 58.3 from_ffi (behind vortex-jni 0.76.0"
      + " NativeWriter.writeBatch) imports a child whose release is NULL without an error: it never reads a child's"
      + " release (the spec: consumers SHOULD check for a NULL release callback)";
  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final Session session = Session.create();

  @BeforeAll
  static void load() {
    VortexNatives.loadOrSkip();
  }

  @AfterEach
  void close() {
    ledger.close();
    allocator.close();
  }

  /**
   * writeBatch keeps every required consumer rule, the schema released by the adapter (both calls
   * borrow it); of the invalid batches it writes the one with a released child (an optional rule).
   */
  @Test
  void writeBatchKeepsTheConsumerRules() {
    Verdict verdict = ConformanceReports.write("vortex-consumer", ConformanceKit.checkConsumer(
            "vortex-jni 0.76.0 NativeWriter.create + writeBatch", VortexTargets.consumer(session, directory))
        .expectingFindings(Map.of(Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE, UNCHECKED_CHILD_RELEASE)));

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::message)
        .singleElement().asString().contains("1 of 4 invalid batches accepted", "released_child");
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE).message())
        .contains("where it was left live (0 of 4)");
  }

  /**
   * NativeWriter.create borrows the schema: nothing of it is released until its owner releases the
   * base, whose release then releases every child once.
   */
  @Test
  void writerCreateBorrowsTheSchema() {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, 10, 7); ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      Data.exportSchema(allocator, batch.root().getSchema(), batch.dictionaries(), schema);
      List<TrackedStruct> tree = ledger.trackTree(StructKind.SCHEMA, schema.memoryAddress(), "writer.schema");
      long writer = NativeWriter.create(session.nativePointer(), uri("borrowed"), schema.memoryAddress(), Map.of());
      try {
        assertThat(tree).allSatisfy(s -> assertThat(ledger.releaseCount(s)).isZero());
        assertThat(StructKind.SCHEMA.isLive(schema.memoryAddress())).isTrue();
      } finally {
        NativeWriter.close(writer);
      }
      schema.release();
      assertThat(tree).allSatisfy(s -> assertThat(ledger.releaseCount(s)).isOne());
      assertThat(ledger.violations()).isEmpty();
    }
  }

  /**
   * writeBatch moves the array (its struct is released at once, its content released once when the
   * writer is closed, children through the parent) and borrows the schema.
   */
  @Test
  void writeBatchMovesTheArrayAndBorrowsTheSchema() {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, 10, 7); ArrowSchema schema = ArrowSchema.allocateNew(allocator);
        ArrowArray array = ArrowArray.allocateNew(allocator)) {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), array, schema);
      List<TrackedStruct> arrays = ledger.trackTree(StructKind.ARRAY, array.memoryAddress(), "batch.array");
      List<TrackedStruct> schemas = ledger.trackTree(StructKind.SCHEMA, schema.memoryAddress(), "batch.schema");
      long writer = NativeWriter.create(session.nativePointer(), uri("moved"), schema.memoryAddress(), Map.of());
      try {
        assertThat(NativeWriter.writeBatch(writer, array.memoryAddress(), schema.memoryAddress())).isTrue();
        assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).as("the array moved out").isFalse();
        assertThat(StructKind.SCHEMA.isLive(schema.memoryAddress())).as("the schema borrowed").isTrue();
        assertThat(arrays).allSatisfy(s -> assertThat(ledger.releaseCount(s)).isZero()); // held until close
      } finally {
        NativeWriter.close(writer);
      }
      schema.release();
      assertThat(arrays).hasSize(10).allSatisfy(s -> assertThat(ledger.releaseCount(s)).isOne());
      assertThat(schemas).allSatisfy(s -> assertThat(ledger.releaseCount(s)).isOne());
      assertThat(ledger.violations()).isEmpty();
    }
  }

  private String uri(String name) {
    return directory.resolve(name + ".vortex").toUri().toString();
  }
}
