package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.ArrayNode;
import dev.arrowownership.cdata.CDataReader;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** A stream source writes the stream's schema and its batch i as batch i; its release plan is followed. */
class LayoutStreamSourceTest {
  private static final ArrowLayout VIEWS = ArrowLayout.leaf("vz", "v");
  private static final LayoutStream STREAM = new LayoutStream(VIEWS, List.of(new BatchShape(6, 1, BatchShape.Nulls.SOME, 3),
      new BatchShape(4, 0, BatchShape.Nulls.NO_VALIDITY_BUFFER, 8), new BatchShape(0, 2, BatchShape.Nulls.ALL, 5)));

  /** Batch i has shape i, cut to the rows asked for; the schema is the stream's, with or without the batch. */
  @Test
  void writesEachBatchOfTheStreamAtItsIndex() {
    LayoutStreamSource source = new LayoutStreamSource(STREAM, ReleasePlan.COMPLETE);
    assertThat(source.stream()).isSameAs(STREAM);
    assertThat(source).hasToString(STREAM.toString());
    assertThat(source.streamPlan().rows()).containsExactly(6, 4, 0);
    assertThat(source.streamPlan().failingGetNext()).isEqualTo(-1);
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      long structs = allocator.getAllocatedMemory();
      source.exportBatch(allocator, array.memoryAddress(), schema.memoryAddress(), 1, 100);
      ArrayNode second = CDataReader.read(array.memoryAddress(), schema.memoryAddress());
      assertThat(second.digest()).isEqualTo(digestOf(STREAM.batch(1)));
      array.release();
      source.exportBatch(allocator, array.memoryAddress(), 0, 0, 2);
      ArrayNode cut = CDataReader.read(array.memoryAddress(), schema.memoryAddress());
      assertThat(cut.length()).isEqualTo(2);
      assertThat(cut.offset()).isEqualTo(1);
      array.release();
      schema.release();
      source.exportSchema(allocator, schema.memoryAddress());
      assertThat(CDataReader.readSchema(schema.memoryAddress()).format()).isEqualTo("vz");
      schema.release();
      assertThat(allocator.getAllocatedMemory()).isEqualTo(structs);
    }
  }

  /** A stream has no batch past its last, nor before its first. */
  @Test
  void refusesAnIndexOutsideTheStream() {
    LayoutStreamSource source = new LayoutStreamSource(STREAM, ReleasePlan.COMPLETE);
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator)) {
      long struct = allocator.getAllocatedMemory();
      assertThatThrownBy(() -> source.exportBatch(allocator, array.memoryAddress(), 0, 3, 1))
          .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("batch 3 of a stream of 3 batches: vz");
      assertThatThrownBy(() -> source.exportBatch(allocator, array.memoryAddress(), 0, -1, 1))
          .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("batch -1 of a stream of 3 batches");
      assertThat(allocator.getAllocatedMemory()).as("nothing written").isEqualTo(struct);
    }
  }

  /** The release callbacks of what a source writes follow its plan: schema and batches, with or without a schema. */
  @Test
  void followsItsReleasePlan() {
    ReleasePlan keepsBuffers = new ReleasePlan() {
      @Override
      public boolean freesBuffer(ArrayContent array, int index) {
        return false;
      }
    };
    ReleasePlan keepsChildren = new ReleasePlan() {
      @Override
      public boolean releasesChild(ArrowLayout parent, int index) {
        return false;
      }
    };
    LayoutStream lists = new LayoutStream(ArrowLayout.nested("+l", "l", List.of(VIEWS)), STREAM.batches());
    LayoutSource batchSource = new LayoutSource(STREAM.batch(0), keepsBuffers);
    LayoutSource listSource = new LayoutSource(new LayoutBatch(lists.layout(), STREAM.batches().get(0)), keepsChildren);
    for (Part part : List.of(Part.BATCH, Part.BATCH_ALONE)) {
      assertThat(leftAllocated(new LayoutStreamSource(STREAM, keepsBuffers), part)).as(part.name()).isPositive();
      assertThat(leftAllocated(batchSource, part)).as(part.name()).isPositive();
      assertThat(leftAllocated(new LayoutStreamSource(STREAM, ReleasePlan.COMPLETE), part)).as(part.name()).isZero();
    }
    assertThat(leftAllocated(new LayoutStreamSource(lists, keepsChildren), Part.SCHEMA)).isPositive();
    assertThat(leftAllocated(listSource, Part.SCHEMA)).isPositive();
    assertThat(leftAllocated(new LayoutStreamSource(lists, ReleasePlan.COMPLETE), Part.SCHEMA)).isZero();
  }

  /** What a source writes: its schema, batch 0 with its schema, or batch 0 alone. */
  private enum Part { SCHEMA, BATCH, BATCH_ALONE }

  /** What writing {@code part} and releasing it leaves allocated. */
  private static long leftAllocated(BatchSource source, Part part) {
    RootAllocator allocator = new RootAllocator();
    try (ArrowArray array = ArrowArray.allocateNew(allocator); ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      if (part == Part.SCHEMA) {
        source.exportSchema(allocator, schema.memoryAddress());
      } else {
        source.exportBatch(allocator, array.memoryAddress(), part == Part.BATCH ? schema.memoryAddress() : 0, 0, 100);
        array.release();
      }
      schema.release(); // skipped when nothing was written there
    }
    long left = allocator.getAllocatedMemory();
    try {
      allocator.close();
    } catch (IllegalStateException keptByThePlan) {
      // what the plan kept, on purpose: the caller asserts on the amount
    }
    return left;
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
}
