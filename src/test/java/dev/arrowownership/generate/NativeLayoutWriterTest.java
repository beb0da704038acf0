package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.ArrayNode;
import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.SchemaNode;
import dev.arrowownership.cdata.StructKind;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import java.util.List;

/** The kit's native writer: what it writes the kit's own reader reads back whole, and its release frees it all. */
@AddLifecycleHook(LayoutTries.class)
class NativeLayoutWriterTest {

  @Provide
  Arbitrary<LayoutBatch> batches() {
    return ArrowArbitraries.layoutBatches();
  }

  /** Every generated batch is read back by the kit's reader, to its last value, and its release frees every byte. */
  @Property
  void everyGeneratedBatchReadsBackAndFreesEverything(@ForAll("batches") LayoutBatch batch) {
    writeReadRelease(batch);
  }

  /** Every batch of the tour reads back and frees everything. */
  @Example
  void everyTourBatchReadsBackAndFreesEverything() {
    ArrowArbitraries.tour().forEach(NativeLayoutWriterTest::writeReadRelease);
  }

  /** A failed allocation leaves both structs untouched and frees what was allocated. */
  @Example
  void aFailedAllocationLeavesTheStructsUntouchedAndFreesEverything() {
    LayoutBatch batch = ArrowArbitraries.tour().get(ArrowArbitraries.tour().size() - 1);
    try (BufferAllocator root = new RootAllocator(); BufferAllocator small = root.newChildAllocator("small", 0, 256);
        ArrowArray array = ArrowArray.allocateNew(root); ArrowSchema schema = ArrowSchema.allocateNew(root)) {
      int live = OwnedStructs.live();
      assertThatThrownBy(() -> NativeLayoutWriter.write(batch, small, array.memoryAddress(), schema.memoryAddress()))
          .isInstanceOf(org.apache.arrow.memory.OutOfMemoryException.class);
      assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isFalse();
      assertThat(StructKind.SCHEMA.isLive(schema.memoryAddress())).isFalse();
      assertThat(small.getAllocatedMemory()).isZero();
      assertThat(OwnedStructs.live()).isEqualTo(live);
    }
  }

  /** Pointers to nothing are NULL: no buffers, no children, no metadata; a struct's children table is not. */
  @Example
  void pointersToNothingAreNull() {
    ArrowLayout nullType = ArrowLayout.leaf("n", "n");
    ArrowLayout struct = ArrowLayout.nested("+s", "s", List.of(ArrowLayout.leaf("i", "i")))
        .withMetadata(LayoutFormats.CUSTOM);
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      NativeLayoutWriter.write(new LayoutBatch(nullType, new BatchShape(2, 0, BatchShape.Nulls.SOME, 1)), allocator,
          array.memoryAddress(), schema.memoryAddress());
      assertThat(MemoryUtil.getLong(array.memoryAddress() + 40)).as("buffers").isZero();
      assertThat(MemoryUtil.getLong(array.memoryAddress() + 48)).as("array children").isZero();
      assertThat(MemoryUtil.getLong(schema.memoryAddress() + 16)).as("metadata").isZero();
      assertThat(MemoryUtil.getLong(schema.memoryAddress() + 40)).as("schema children").isZero();
      array.release();
      schema.release();
      NativeLayoutWriter.write(new LayoutBatch(struct, new BatchShape(2, 0, BatchShape.Nulls.SOME, 1)), allocator,
          array.memoryAddress(), schema.memoryAddress());
      assertThat(MemoryUtil.getLong(array.memoryAddress() + 48)).isNotZero();
      assertThat(MemoryUtil.getLong(schema.memoryAddress() + 16)).isNotZero();
      array.release();
      schema.release();
    }
  }

  static void writeReadRelease(LayoutBatch batch) {
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      long before = allocator.getAllocatedMemory();
      NativeLayoutWriter.write(batch, allocator, array.memoryAddress(), schema.memoryAddress());
      ArrayNode read = CDataReader.read(array.memoryAddress(), schema.memoryAddress());
      assertThat(read.digest()).as("%s", batch).hasSize(64);
      assertThat(read.length()).isEqualTo(batch.shape().length());
      assertThat(read.offset()).isEqualTo(batch.shape().offset());
      SchemaNode schemaRead = read.schema();
      assertThat(schemaRead.format()).isEqualTo(batch.layout().format());
      assertThat(schemaRead.name()).isEqualTo(batch.layout().name());
      assertThat(schemaRead.flags()).isEqualTo(batch.layout().flags());
      assertThat(schemaRead.metadata()).isEqualTo(batch.layout().metadata());
      assertThat(schemaRead.children()).hasSameSizeAs(batch.layout().children());
      assertThat(schemaRead.dictionary().isPresent()).isEqualTo(batch.layout().dictionary().isPresent());
      array.release();
      schema.release();
      assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isFalse();
      assertThat(allocator.getAllocatedMemory()).as("bytes held after release of %s", batch).isEqualTo(before);
    }
  }
}
