package dev.arrowownership.generate;

import dev.arrowownership.cdata.DataType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The buffers of leaf layouts, from one random source: validity bitmaps, bits, fixed-width bytes,
 * offsets and data of binary and utf8, and views with their variadic buffers (spec: "Variable-size
 * Binary View Layout": a value of 12 bytes or fewer lies inside its 16-byte view, a longer one in a
 * variadic buffer). All little-endian.
 */
final class LeafContent {
  /** Longest value a view holds inline. */
  static final int INLINE = 12;

  private final Random random;

  /** A validity bitmap (null for none) and the nulls among the logical values. */
  record Validity(byte[] bitmap, long nullCount) {}

  LeafContent(Random random) {
    this.random = random;
  }

  /** The validity of {@code slots} slots, the logical values from {@code offset}; {@code nulls} null for a non-nullable field. */
  Validity validity(BatchShape.Nulls nulls, int slots, long offset) {
    if (nulls == null || nulls == BatchShape.Nulls.NO_VALIDITY_BUFFER) {
      return new Validity(null, 0);
    }
    byte[] bitmap = new byte[bitmapBytes(slots)];
    long nullCount = 0;
    for (int i = 0; i < slots; i++) {
      boolean valid = nulls == BatchShape.Nulls.SOME && random.nextInt(4) != 0;
      if (valid) {
        bitmap[i >>> 3] |= (byte) (1 << (i & 7));
      } else if (i >= offset) {
        nullCount++;
      }
    }
    return new Validity(bitmap, nullCount);
  }

  /** A bitmap of {@code slots} random bits. */
  byte[] bits(int slots) {
    return bytes(bitmapBytes(slots));
  }

  /** {@code count} random bytes. */
  byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The offsets (of {@code width} bytes) and data buffers of a binary or utf8 array. */
  List<byte[]> binary(int slots, int width, boolean utf8) {
    long[] offsets = new long[slots + 1];
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int i = 0; i < slots; i++) {
      data.writeBytes(value(random.nextInt(7), utf8));
      offsets[i + 1] = data.size();
    }
    return List.of(integers(offsets, width), data.toByteArray());
  }

  /**
   * The views buffer, the variadic data buffers and the buffer of their sizes: every third value
   * (slots 1, 4, ...) is longer than {@link #INLINE} and lies in one of one or two variadic buffers;
   * the rest are inline.
   */
  List<byte[]> views(int slots) {
    ByteBuffer views = ByteBuffer.allocate(16 * slots).order(ByteOrder.LITTLE_ENDIAN);
    int longValues = (slots + 1) / 3;
    List<ByteArrayOutputStream> variadic = new ArrayList<>();
    // One or two variadic buffers when some value needs one; else none or one left empty (legal, and
    // a release that forgets variadic buffers then shows on the shortest arrays too).
    int count = longValues > 0 ? 1 + random.nextInt(2) : random.nextInt(2);
    for (int k = 0; k < count; k++) {
      variadic.add(new ByteArrayOutputStream());
    }
    for (int i = 0; i < slots; i++) {
      boolean inline = i % 3 != 1;
      byte[] value = value(inline ? random.nextInt(INLINE + 1) : INLINE + 1 + random.nextInt(8), true);
      views.putInt(16 * i, value.length);
      if (inline) {
        views.put(16 * i + 4, value);
      } else {
        int buffer = random.nextInt(variadic.size());
        views.put(16 * i + 4, value, 0, 4);
        views.putInt(16 * i + 8, buffer);
        views.putInt(16 * i + 12, variadic.get(buffer).size());
        variadic.get(buffer).writeBytes(value);
      }
    }
    List<byte[]> buffers = new ArrayList<>();
    buffers.add(views.array());
    long[] sizes = new long[variadic.size()];
    for (int k = 0; k < sizes.length; k++) {
      buffers.add(variadic.get(k).toByteArray());
      sizes[k] = variadic.get(k).size();
    }
    buffers.add(integers(sizes, 8));
    return buffers;
  }

  /**
   * {@code slots} times of day in {@code unit}, each of {@code width} bytes: the format allows only
   * 0 (inclusive) to 86,400 seconds (exclusive), and a reader may index a table by the hour (DuckDB
   * 1.5.2's cast of such a time to text crashed the JVM on random bytes).
   */
  byte[] timesOfDay(int slots, int width, DataType.TimeUnit unit) {
    long perDay = switch (unit) {
      case SECOND -> 86_400L;
      case MILLISECOND -> 86_400_000L;
      case MICROSECOND -> 86_400_000_000L;
      case NANOSECOND -> 86_400_000_000_000L;
    };
    long[] values = new long[slots];
    for (int i = 0; i < slots; i++) {
      values[i] = Math.floorMod(random.nextLong(), perDay);
    }
    return integers(values, width);
  }

  /** {@code slots} date64 values: milliseconds since the epoch, whole days as the format requires. */
  byte[] dates64(int slots) {
    long[] values = new long[slots];
    for (int i = 0; i < slots; i++) {
      values[i] = random.nextInt(-1_000_000, 1_000_000) * 86_400_000L; // about 2,700 years either side
    }
    return integers(values, 8);
  }

  /**
   * {@code slots} decimals of {@code precision} digits, each a two's complement integer of
   * {@code width} bytes, little-endian: within the precision, as a reader that sizes a value's text
   * by it may assume (Arrow C++'s full validation refuses a value that does not fit).
   */
  byte[] decimals(int slots, int width, int precision) {
    BigInteger bound = BigInteger.TEN.pow(precision);
    ByteBuffer out = ByteBuffer.allocate(slots * width);
    for (int i = 0; i < slots; i++) {
      BigInteger magnitude = new BigInteger(bound.bitLength() + 8, random).mod(bound);
      byte[] bigEndian = (random.nextBoolean() ? magnitude.negate() : magnitude).toByteArray();
      byte sign = (byte) (bigEndian[0] < 0 ? -1 : 0);
      for (int b = 0; b < width; b++) { // little-endian, sign-extended to the width
        int from = bigEndian.length - 1 - b;
        out.put(from >= 0 ? bigEndian[from] : sign);
      }
    }
    return out.array();
  }

  /** {@code values} as little-endian integers of {@code width} bytes (1, 2, 4 or 8). */
  static byte[] integers(long[] values, int width) {
    ByteBuffer out = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
    for (long value : values) {
      switch (width) {
        case 1 -> out.put((byte) value);
        case 2 -> out.putShort((short) value);
        case 4 -> out.putInt((int) value);
        case 8 -> out.putLong(value);
        default -> throw new IllegalArgumentException("integer width " + width + " is not 1, 2, 4 or 8");
      }
    }
    return out.array();
  }

  private byte[] value(int length, boolean letters) {
    byte[] value = new byte[length];
    for (int i = 0; i < length; i++) {
      value[i] = letters ? (byte) ('a' + random.nextInt(26)) : (byte) random.nextInt(256);
    }
    return value;
  }

  private static int bitmapBytes(int slots) {
    return (slots + 7) / 8;
  }
}
