package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.ArrayNode;
import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** A layout source writes its layout; the kit's structs and stream take whatever source they are given. */
class LayoutSourceTest {
  private static final LayoutBatch LIST_VIEW = new LayoutBatch(ArrowLayout.nested("+vl", "l",
      List.of(ArrowLayout.leaf("vz", "v"))), new BatchShape(5, 2, BatchShape.Nulls.SOME, 9));

  /** A batch of the layout and shape, at most the rows asked for, with values of its own per index. */
  @Test
  void writesTheLayoutShortenedToTheRowsAskedFor() {
    LayoutSource source = new LayoutSource(LIST_VIEW);
    assertThat(source.batch()).isSameAs(LIST_VIEW);
    assertThat(source).hasToString(LIST_VIEW.toString());
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      long structs = allocator.getAllocatedMemory(); // the two structs' own memory
      source.exportBatch(allocator, array.memoryAddress(), schema.memoryAddress(), 0, 100);
      ArrayNode full = CDataReader.read(array.memoryAddress(), schema.memoryAddress());
      assertThat(full.length()).isEqualTo(5);
      assertThat(full.offset()).isEqualTo(2);
      String digest = full.digest();
      array.release();
      source.exportBatch(allocator, array.memoryAddress(), 0, 1, 3);
      ArrayNode shorter = CDataReader.read(array.memoryAddress(), schema.memoryAddress());
      assertThat(shorter.length()).isEqualTo(3);
      assertThat(shorter.digest()).isNotEqualTo(digest);
      BatchShape shape = LIST_VIEW.shape();
      assertThat(shorter.digest()).as("batch 1 is seeded seed + 1").isEqualTo(digestOf(new LayoutBatch(LIST_VIEW.layout(),
          new BatchShape(3, shape.offset(), shape.nulls(), shape.seed() + 1))));
      array.release();
      schema.release();
      source.exportSchema(allocator, schema.memoryAddress());
      assertThat(CDataReader.readSchema(schema.memoryAddress()).format()).isEqualTo("+vl");
      schema.release();
      assertThat(allocator.getAllocatedMemory()).isEqualTo(structs);
    }
  }

  private static String digestOf(LayoutBatch batch) {
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      NativeLayoutWriter.write(batch, allocator, array.memoryAddress(), schema.memoryAddress());
      String digest = CDataReader.read(array.memoryAddress(), schema.memoryAddress()).digest();
      array.release();
      schema.release();
      return digest;
    }
  }

  /** KitBatches.export with a source hands out, tracked, the source's batch; the default is Arrow Java's. */
  @Test
  void kitStructsHoldTheSourcesBatch() {
    try (BufferAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = KitBatches.export(allocator, ledger, "b", 4, new LayoutSource(LIST_VIEW))) {
      assertThat(CDataReader.read(structs.arrayAddress(), structs.schemaAddress()).schema().format()).isEqualTo("+vl");
      assertThat(structs.descendants()).hasSize(2); // the list-view's child in each tree
      structs.releaseLive();
      assertThat(ledger.unreleased()).isEmpty();
    }
    assertThat(KitBatches.ARROW_JAVA).hasToString("GeneratedBatch exported by Arrow Java");
  }

  /** The kit's stream takes its schema and batches from its source: the plan's rows, capped by the shape's length. */
  @Test
  void theKitStreamYieldsTheSourcesBatches() throws Exception {
    try (BufferAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(0).withRows(100, 0, 2),
            new LayoutSource(LIST_VIEW));
        ArrowSchema schema = ArrowSchema.allocateNew(allocator); ArrowArray array = ArrowArray.allocateNew(allocator)) {
      org.apache.arrow.c.ArrowArrayStream wrapped = org.apache.arrow.c.ArrowArrayStream.wrap(stream.address());
      wrapped.getSchema(schema);
      assertThat(CDataReader.readSchema(schema.memoryAddress()).format()).isEqualTo("+vl");
      for (long expected : new long[] {5, 0, 2}) {
        wrapped.getNext(array);
        assertThat(CDataReader.read(array.memoryAddress(), schema.memoryAddress()).length()).isEqualTo(expected);
        array.release();
      }
      schema.release();
      wrapped.release();
    }
  }
}
