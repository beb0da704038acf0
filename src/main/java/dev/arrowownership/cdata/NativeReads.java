package dev.arrowownership.cdata;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Bounded reads of native memory for the reader: every read names the path it serves, so a bad
 * pointer or a runaway string becomes an {@link IllegalArgumentException} instead of a long walk.
 * Nothing here can tell a dangling pointer from a good one: callers check for NULL first.
 */
final class NativeReads {
  /** Longest C string read (format, name); a longer one is taken as unterminated garbage. */
  static final int MAX_STRING = 1 << 16;

  private NativeReads() {}

  static long pointer(long address) {
    return MemoryUtil.getLong(address);
  }

  static long int64(long address) {
    return MemoryUtil.getLong(address);
  }

  static short int16(long address) {
    return MemoryUtil.getShort(address);
  }

  static byte int8(long address) {
    return MemoryUtil.getByte(address);
  }

  static int int32(long address) {
    return MemoryUtil.getInt(address);
  }

  static byte[] bytes(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return bytes;
  }

  /** The NUL-terminated UTF-8 string at {@code address}, or null for NULL. */
  static String cString(long address, String path) {
    if (address == 0) {
      return null;
    }
    for (int i = 0; i < MAX_STRING; i++) {
      if (MemoryUtil.getByte(address + i) == 0) {
        return new String(bytes(address, i), StandardCharsets.UTF_8);
      }
    }
    throw CDataReader.fault(path, "no NUL within " + MAX_STRING + " bytes");
  }
}
