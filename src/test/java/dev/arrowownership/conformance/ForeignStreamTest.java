package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StreamField;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The kit's stream structs start with every field NULL, and a producer must fill the one it is given. */
class ForeignStreamTest {

  /** Memory the allocator hands out again holds old bytes: the kit's struct is cleared of them. */
  @Test
  void newStructHasEveryFieldNull() {
    try (RootAllocator allocator = new RootAllocator()) {
      ArrowBuf dirty = allocator.buffer(ForeignStream.SIZE);
      dirty.setOne(0, ForeignStream.SIZE);
      dirty.close(); // freed: glibc hands the same block to the next allocation of its size
      try (ArrowArrayStream struct = ForeignStream.newStruct(allocator)) {
        for (StreamField field : StreamField.values()) {
          assertThat(field.get(struct.memoryAddress())).as(field.name()).isZero();
        }
      }
    }
  }

  @Test
  void producerThatFillsNothingIsNamed() {
    try (RootAllocator allocator = new RootAllocator(); ArrowArrayStream struct = ForeignStream.newStruct(allocator)) {
      assertThatThrownBy(() -> ForeignStream.produce(address -> { }, struct.memoryAddress()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the producer returned without filling the stream (its release is NULL)");
    }
  }

  /** A live stream with a callback left NULL: calling it is refused by name, never a jump to address 0. */
  @Test
  void aNullCallbackIsRefusedByName() {
    try (RootAllocator allocator = new RootAllocator(); ArrowArrayStream struct = ForeignStream.newStruct(allocator)) {
      ForeignStream stream = new ForeignStream(struct.memoryAddress());
      assertThatThrownBy(() -> stream.getNext(0)).isInstanceOf(IllegalStateException.class)
          .hasMessage("the stream at 0x" + Long.toHexString(struct.memoryAddress()) + " has get_next == NULL (every"
              + " callback of a live stream is mandatory)");
    }
  }
}
