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
