package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** C strings read with a bound, checked for UTF-8, and quoted short for reports. */
class NativeTextTest {

  @Test
  void bytesStopAtTheFirstNul() {
    Memory memory = new Memory(8);
    memory.write(0, new byte[] {'a', 'b', 0, 'c', 0}, 0, 5);
    assertThat(NativeText.bytes(Pointer.nativeValue(memory))).containsExactly('a', 'b');
  }

  /** A string with no NUL within the bound is refused by address, not read on. */
  @Test
  void noNulWithinTheBoundIsRefused() {
    Memory memory = new Memory(NativeText.MAX_BYTES + 1L);
    memory.setMemory(0, NativeText.MAX_BYTES, (byte) 'x');
    memory.setByte(NativeText.MAX_BYTES, (byte) 0);
    assertThatThrownBy(() -> NativeText.bytes(Pointer.nativeValue(memory))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the string at 0x" + Long.toHexString(Pointer.nativeValue(memory)) + " has no NUL within 1048576 bytes");
    memory.setByte(NativeText.MAX_BYTES - 1L, (byte) 0);
    assertThat(NativeText.bytes(Pointer.nativeValue(memory))).hasSize(NativeText.MAX_BYTES - 1);
  }

  @Test
  void utf8OrNull() {
    assertThat(NativeText.utf8("d\u00e9j\u00e0".getBytes(StandardCharsets.UTF_8))).isEqualTo("d\u00e9j\u00e0");
    assertThat(NativeText.utf8(new byte[] {'d', (byte) 0xE9})).isNull();
  }

  /** Reports quote the first line, at most 80 characters, or the first 16 bytes of what is not UTF-8. */
  @Test
  void quoteKeepsReportsShort() {
    String eighty = "x".repeat(80);
    assertThat(NativeText.quote(eighty.getBytes(StandardCharsets.UTF_8))).isEqualTo("'" + eighty + "'");
    assertThat(NativeText.quote((eighty + "y").getBytes(StandardCharsets.UTF_8))).isEqualTo("'" + eighty + "...'");
    assertThat(NativeText.quote("first\nsecond".getBytes(StandardCharsets.UTF_8))).isEqualTo("'first'");
    assertThat(NativeText.quote(new byte[0])).isEqualTo("''");
    byte[] latin1 = new byte[20];
    latin1[0] = (byte) 0xE9;
    assertThat(NativeText.quote(latin1)).isEqualTo("(not UTF-8: [-23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])");
  }
}
