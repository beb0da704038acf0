package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The ArrowArrayStream fields sit at their C offsets, and a NULL stream is refused, not read. */
class StreamFieldTest {

  @Test
  void eachFieldIsWrittenAndReadAtItsOwnOffset() {
    try (RootAllocator allocator = new RootAllocator();
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      long address = stream.memoryAddress();
      for (StreamField field : StreamField.values()) {
        field.set(address, 100 + field.ordinal());
      }
      for (StreamField field : StreamField.values()) {
        assertThat(field.get(address)).isEqualTo(100 + field.ordinal());
      }
      // release at byte 24, as Arrow Java's own struct reads it; then NULL it so close() frees only memory
      assertThat(stream.snapshot().release).isEqualTo(100 + StreamField.RELEASE.ordinal());
      StreamField.RELEASE.set(address, 0);
    }
  }

  @Test
  void aNullStreamAddressIsRefused() {
    assertThatThrownBy(() -> StreamField.GET_NEXT.get(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("NULL ArrowArrayStream address");
    assertThatThrownBy(() -> StreamField.RELEASE.set(0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("NULL ArrowArrayStream address");
  }
}
