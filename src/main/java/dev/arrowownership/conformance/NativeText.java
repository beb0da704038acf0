package dev.arrowownership.conformance;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;

/** C strings a producer hands the kit (get_last_error's message), read with a bound. */
final class NativeText {
  /** Longest message read; a longer one is taken as unterminated. */
  static final int MAX_BYTES = 1 << 20;

  private NativeText() {}

  /**
   * The bytes before the first NUL at {@code address} (not NULL).
   *
   * @throws IllegalArgumentException if there is no NUL within {@link #MAX_BYTES}
   */
  static byte[] bytes(long address) {
    for (int i = 0; i < MAX_BYTES; i++) {
      if (MemoryUtil.getByte(address + i) == 0) {
        byte[] bytes = new byte[i];
        MemoryUtil.copyFromMemory(address, bytes, 0, i);
        return bytes;
      }
    }
    throw new IllegalArgumentException("the string at 0x" + Long.toHexString(address) + " has no NUL within "
        + MAX_BYTES + " bytes");
  }

  /** The bytes as UTF-8 text, or null when they are not UTF-8. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  /** For reports: the text's first line, at most 80 characters, or the bytes when they are not UTF-8. */
  static String quote(byte[] bytes) {
    String text = utf8(bytes);
    if (text == null) {
      return "(not UTF-8: " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 16))) + ")";
    }
    String line = text.lines().findFirst().orElse("");
    return "'" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'";
  }
}
