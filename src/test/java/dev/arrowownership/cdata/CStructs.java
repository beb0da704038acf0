package dev.arrowownership.cdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Hand-written C Data structs and buffers in native memory, for layouts and faults Arrow Java never
 * exports. Each struct's {@code release} is a non-NULL marker that is never called (the reader only
 * reads); {@link #close()} frees everything.
 */
final class CStructs implements AutoCloseable {
  /** A non-NULL {@code release}: marks a struct live; nothing calls it. */
  static final long LIVE = 0x1234;

  private final BufferAllocator allocator;
  private final List<ArrowBuf> buffers = new ArrayList<>();

  CStructs(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  long zeroed(long bytes) {
    ArrowBuf buffer = allocator.buffer(Math.max(bytes, 8));
    buffer.setZero(0, buffer.capacity());
    buffers.add(buffer);
    return buffer.memoryAddress();
  }

  long bytes(byte[] bytes) {
    long address = zeroed(bytes.length);
    MemoryUtil.copyToMemory(bytes, 0, address, bytes.length);
    return address;
  }

  long string(String text) {
    return text == null ? 0 : bytes((text + "\0").getBytes(StandardCharsets.UTF_8));
  }

  long int8s(int... values) {
    long address = zeroed(values.length);
    for (int i = 0; i < values.length; i++) {
      MemoryUtil.putByte(address + i, (byte) values[i]);
    }
    return address;
  }

  long int16s(int... values) {
    long address = zeroed(2L * values.length);
    for (int i = 0; i < values.length; i++) {
      MemoryUtil.putShort(address + 2L * i, (short) values[i]);
    }
    return address;
  }

  long int32s(int... values) {
    long address = zeroed(4L * values.length);
    for (int i = 0; i < values.length; i++) {
      MemoryUtil.putInt(address + 4L * i, values[i]);
    }
    return address;
  }

  long int64s(long... values) {
    long address = zeroed(8L * values.length);
    for (int i = 0; i < values.length; i++) {
      MemoryUtil.putLong(address + 8L * i, values[i]);
    }
    return address;
  }

  /** A validity bitmap: bit i set for each true. */
  long bits(boolean... valid) {
    long address = zeroed((valid.length + 7) / 8);
    for (int i = 0; i < valid.length; i++) {
      if (valid[i]) {
        MemoryUtil.putByte(address + i / 8, (byte) (MemoryUtil.getByte(address + i / 8) | 1 << (i % 8)));
      }
    }
    return address;
  }

  /** Metadata in the spec's encoding from alternating keys and values. */
  long metadata(String... keysAndValues) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    writeInt(out, keysAndValues.length / 2);
    for (String item : keysAndValues) {
      byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
      writeInt(out, bytes.length);
      out.writeBytes(bytes);
    }
    return bytes(out.toByteArray());
  }

  private static void writeInt(java.io.ByteArrayOutputStream out, int value) {
    // native (little-endian) int32
    for (int shift = 0; shift < 32; shift += 8) {
      out.write(value >>> shift);
    }
  }

  /** An ArrowSchema; children and dictionary by address (0 for none). */
  long schema(String format, String name, long flags, long metadata, long dictionary, long... children) {
    long s = zeroed(72);
    MemoryUtil.putLong(s, string(format));
    MemoryUtil.putLong(s + 8, string(name));
    MemoryUtil.putLong(s + 16, metadata);
    MemoryUtil.putLong(s + 24, flags);
    MemoryUtil.putLong(s + 32, children.length);
    MemoryUtil.putLong(s + 40, children.length == 0 ? 0 : int64s(children));
    MemoryUtil.putLong(s + 48, dictionary);
    MemoryUtil.putLong(s + 56, LIVE);
    return s;
  }

  /** A nullable field without metadata or dictionary. */
  long schema(String format, long... children) {
    return schema(format, "f", 2, 0, 0, children);
  }

  /** An ArrowArray; buffers, children and dictionary by address (0 for NULL / none). */
  long withDictionary(long length, long nullCount, long offset, long[] buffers, long dictionary,
      long... children) {
    long a = zeroed(80);
    MemoryUtil.putLong(a, length);
    MemoryUtil.putLong(a + 8, nullCount);
    MemoryUtil.putLong(a + 16, offset);
    MemoryUtil.putLong(a + 24, buffers.length);
    MemoryUtil.putLong(a + 32, children.length);
    MemoryUtil.putLong(a + 40, buffers.length == 0 ? 0 : int64s(buffers));
    MemoryUtil.putLong(a + 48, children.length == 0 ? 0 : int64s(children));
    MemoryUtil.putLong(a + 56, dictionary);
    MemoryUtil.putLong(a + 64, LIVE);
    return a;
  }

  /** An array without dictionary. */
  long array(long length, long nullCount, long offset, long[] buffers, long... children) {
    return withDictionary(length, nullCount, offset, buffers, 0, children);
  }

  static long[] buffers(long... addresses) {
    return addresses;
  }

  static void set(long struct, int fieldOffset, long value) {
    MemoryUtil.putLong(struct + fieldOffset, value);
  }

  @Override
  public void close() {
    buffers.forEach(ArrowBuf::close);
  }
}
