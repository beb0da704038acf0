package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/** read() copies exactly the struct's bytes (80 for an ArrowArray, 72 for an ArrowSchema), and refuses NULL. */
class StructKindTest extends HandWrittenStructs {

  @Test
  void readCopiesTheWholeStructAndNothingMore() {
    long address = c.zeroed(81);
    for (int i = 0; i < 81; i++) {
      MemoryUtil.putByte(address + i, (byte) (i + 1));
    }
    byte[] array = StructKind.ARRAY.read(address);
    byte[] schema = StructKind.SCHEMA.read(address);
    assertThat(array).hasSize(80).startsWith(1, 2, 3).endsWith(79, 80);
    assertThat(schema).hasSize(72).endsWith(71, 72);
    assertThatThrownBy(() -> StructKind.SCHEMA.read(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NULL SCHEMA struct address");
  }
}
