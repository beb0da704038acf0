package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/** The writer's release callbacks: one registration per struct, forgotten on release; a failing release is recorded, not thrown into C. */
class OwnedStructsTest {

  /** Every struct written is registered until its release; the base's release releases the rest. */
  @Test
  void registeredUntilReleased() {
    LayoutBatch batch = new LayoutBatch(ArrowLayout.nested("+l", "l", List.of(ArrowLayout.leaf("u", "u").encodedBy("c"))),
        new BatchShape(3, 0, BatchShape.Nulls.SOME, 1));
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      int before = OwnedStructs.live();
      NativeLayoutWriter.write(batch, allocator, array.memoryAddress(), schema.memoryAddress());
      assertThat(OwnedStructs.live() - before).isEqualTo(6); // list, item, dictionary: each an array and a schema
      array.release();
      schema.release();
      assertThat(OwnedStructs.live()).isEqualTo(before);
    }
  }

  /** A release whose freeing throws records the failure and still marks the struct released. */
  @Test
  void aFailingReleaseIsRecorded() {
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator)) {
      ArrowBuf closed = allocator.buffer(8);
      closed.close();
      long token = OwnedStructs.register(new OwnedStructs.Owned(List.of(closed), List.of()));
      MemoryUtil.putLong(array.memoryAddress() + 72, token); // private_data
      MemoryUtil.putLong(array.memoryAddress() + 64, OwnedStructs.ARRAY_RELEASE_POINTER);
      array.release();
      assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isFalse();
      assertThat(OwnedStructs.lastFailure()).isNotNull();
    }
  }
}
