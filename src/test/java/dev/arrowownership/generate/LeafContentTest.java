package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.DataType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leaf buffers: bitmaps, fixed bytes, binary and utf8, views and their variadic buffers. */
class LeafContentTest {

  /** A validity bitmap has a bit per slot, set for valid slots; only the logical values' nulls are counted. */
  @Test
  void validity() {
    LeafContent leaves = new LeafContent(new Random(1));
    assertThat(leaves.validity(null, 9, 0).bitmap()).isNull();
    assertThat(leaves.validity(null, 9, 0).nullCount()).isZero();
    assertThat(leaves.validity(BatchShape.Nulls.NO_VALIDITY_BUFFER, 9, 0).bitmap()).isNull();
    LeafContent.Validity all = leaves.validity(BatchShape.Nulls.ALL, 9, 2);
    assertThat(all.bitmap()).containsExactly(0, 0);
    assertThat(all.nullCount()).isEqualTo(7);
    for (int seed = 0; seed < 5; seed++) {
      LeafContent.Validity some = new LeafContent(new Random(seed)).validity(BatchShape.Nulls.SOME, 20, 3);
      assertThat(some.bitmap()).hasSize(3);
      int nulls = 0;
      int valid = 0;
      for (int i = 0; i < 20; i++) {
        boolean set = (some.bitmap()[i >>> 3] >> (i & 7) & 1) != 0;
        nulls += !set && i >= 3 ? 1 : 0;
        valid += set ? 1 : 0;
      }
      assertThat(some.nullCount()).isEqualTo(nulls);
      assertThat(valid).isBetween(1, 19);
      assertThat(some.bitmap()[2] & 0xF0).as("bits past the last slot").isZero();
    }
  }

  /** Bits and bytes: a byte per eight slots, random content. */
  @Test
  void bitsAndBytes() {
    LeafContent leaves = new LeafContent(new Random(2));
    assertThat(leaves.bits(9)).hasSize(2);
    assertThat(leaves.bits(8)).hasSize(1);
    assertThat(leaves.bits(0)).isEmpty();
    byte[] bytes = leaves.bytes(32);
    assertThat(bytes).hasSize(32);
    assertThat(new HashSet<>(List.of(box(bytes))).size()).isGreaterThan(8);
  }

  /** Binary: increasing offsets of the asked width ending at the data's length; utf8 values are letters. */
  @Test
  void binaryAndUtf8() {
    for (int width : new int[] {4, 8}) {
      List<byte[]> utf8 = new LeafContent(new Random(3)).binary(10, width, true);
      long[] offsets = read(utf8.get(0), width);
      assertThat(offsets).hasSize(11);
      assertThat(offsets[0]).isZero();
      for (int i = 0; i < 10; i++) {
        assertThat(offsets[i + 1]).isGreaterThanOrEqualTo(offsets[i]);
      }
      assertThat(utf8.get(1)).hasSize((int) offsets[10]).isNotEmpty();
      for (byte b : utf8.get(1)) {
        assertThat((char) b).isBetween('a', 'z');
      }
    }
    byte[] binary = new LeafContent(new Random(3)).binary(40, 4, false).get(1);
    assertThat(binary).isNotEmpty();
    boolean outsideLetters = false;
    for (byte b : binary) {
      outsideLetters |= b < 'a' || b > 'z';
    }
    assertThat(outsideLetters).isTrue();
  }

  /** Views: slots 1, 4, ... hold 13 to 20 bytes in a variadic buffer, the others 0 to 12 bytes inline. */
  @Test
  void views() {
    for (int seed = 0; seed < 6; seed++) {
      List<byte[]> buffers = new LeafContent(new Random(seed)).views(7);
      ByteBuffer views = ByteBuffer.wrap(buffers.get(0)).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(buffers.get(0)).hasSize(16 * 7);
      int variadic = buffers.size() - 2;
      assertThat(variadic).isBetween(1, 2);
      long[] sizes = read(buffers.get(buffers.size() - 1), 8);
      assertThat(sizes).hasSize(variadic);
      long total = 0;
      for (int k = 0; k < variadic; k++) {
        assertThat(buffers.get(1 + k)).hasSize((int) sizes[k]);
        total += sizes[k];
      }
      long outOfLine = 0;
      for (int i = 0; i < 7; i++) {
        int length = views.getInt(16 * i);
        if (i % 3 == 1) {
          assertThat(length).isBetween(13, 20);
          int buffer = views.getInt(16 * i + 8);
          int offset = views.getInt(16 * i + 12);
          byte[] data = buffers.get(1 + buffer);
          assertThat(offset + length).isLessThanOrEqualTo(data.length);
          for (int j = 0; j < 4; j++) {
            assertThat(views.get(16 * i + 4 + j)).as("prefix byte %d of slot %d", j, i).isEqualTo(data[offset + j]);
          }
          outOfLine += length;
        } else {
          assertThat(length).isBetween(0, 12);
          for (int j = 0; j < 12; j++) {
            byte b = views.get(16 * i + 4 + j);
            assertThat(j < length ? b >= 'a' && b <= 'z' : b == 0).as("inline byte %d of slot %d", j, i).isTrue();
          }
        }
      }
      assertThat(total).isEqualTo(outOfLine);
    }
  }

  /** With no long value there are no variadic buffers, or one left empty; both occur. */
  @Test
  void viewsWithoutLongValues() {
    Set<Integer> counts = new HashSet<>();
    for (int seed = 0; seed < 20; seed++) {
      List<byte[]> buffers = new LeafContent(new Random(seed * 0x9E3779B97F4A7C15L)).views(1);
      counts.add(buffers.size() - 2);
      assertThat(java.util.Arrays.stream(read(buffers.get(buffers.size() - 1), 8)).allMatch(size -> size == 0)).isTrue();
    }
    assertThat(counts).containsExactlyInAnyOrder(0, 1);
  }

  /** Integers of each width, little-endian; other widths are refused. */
  /** Times of day lie in [0, 86,400 s) in their unit and width, and spread over the day. */
  @Test
  void timesOfDayStayWithinADay() {
    long[][] unitsAndDays = {
        {DataType.TimeUnit.SECOND.ordinal(), 4, 86_400L}, {DataType.TimeUnit.MILLISECOND.ordinal(), 4, 86_400_000L},
        {DataType.TimeUnit.MICROSECOND.ordinal(), 8, 86_400_000_000L},
        {DataType.TimeUnit.NANOSECOND.ordinal(), 8, 86_400_000_000_000L}};
    for (long[] row : unitsAndDays) {
      DataType.TimeUnit unit = DataType.TimeUnit.values()[(int) row[0]];
      int width = (int) row[1];
      List<Long> values = boxed(read(new LeafContent(new Random(7)).timesOfDay(200, width, unit), width));
      assertThat(values).as(unit.name()).hasSize(200).allSatisfy(v -> assertThat(v).isBetween(0L, row[2] - 1));
      // Random bytes reduced into the day, not clamped: values fill the whole day, not its first second.
      assertThat(values).as(unit.name()).anySatisfy(v -> assertThat(v).isGreaterThan(row[2] / 2));
    }
  }

  private static List<Long> boxed(long[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  /** Decimals fit their precision at every width, as two's complement little-endian, both signs. */
  @Test
  void decimalsFitTheirPrecision() {
    int[][] widthsAndPrecisions = {{4, 5}, {8, 12}, {16, 20}, {32, 40}, {16, 38}, {32, 76}};
    for (int[] row : widthsAndPrecisions) {
      int width = row[0];
      byte[] bytes = new LeafContent(new Random(9)).decimals(50, width, row[1]);
      assertThat(bytes).hasSize(50 * width);
      BigInteger bound = BigInteger.TEN.pow(row[1]);
      List<BigInteger> values = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        byte[] bigEndian = new byte[width];
        for (int b = 0; b < width; b++) {
          bigEndian[width - 1 - b] = bytes[i * width + b];
        }
        values.add(new BigInteger(bigEndian));
      }
      assertThat(values).as("width %d, precision %d", width, row[1])
          .allSatisfy(v -> assertThat(v.abs()).isLessThan(bound))
          .anySatisfy(v -> assertThat(v.signum()).isNegative()).anySatisfy(v -> assertThat(v.signum()).isPositive())
          .anySatisfy(v -> assertThat(v.abs()).isGreaterThan(bound.divide(BigInteger.TEN)));
    }
  }

  /** Date64 values are whole days in milliseconds, before and after the epoch. */
  @Test
  void dates64AreWholeDays() {
    List<Long> values = boxed(read(new LeafContent(new Random(8)).dates64(100), 8));
    assertThat(values).hasSize(100).allSatisfy(v -> assertThat(v % 86_400_000L).isZero());
    assertThat(values).anySatisfy(v -> assertThat(v).isNegative()).anySatisfy(v -> assertThat(v).isGreaterThan(86_400_000L));
  }

  @Test
  void integers() {
    assertThat(LeafContent.integers(new long[] {1, -1}, 1)).containsExactly(1, -1);
    assertThat(LeafContent.integers(new long[] {258}, 2)).containsExactly(2, 1);
    assertThat(LeafContent.integers(new long[] {258}, 4)).containsExactly(2, 1, 0, 0);
    assertThat(LeafContent.integers(new long[] {258}, 8)).containsExactly(2, 1, 0, 0, 0, 0, 0, 0);
    assertThatThrownBy(() -> LeafContent.integers(new long[] {1}, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("integer width 3 is not 1, 2, 4 or 8");
  }

  static long[] read(byte[] bytes, int width) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long[] values = new long[bytes.length / width];
    for (int i = 0; i < values.length; i++) {
      values[i] = width == 2 ? in.getShort(2 * i) : width == 4 ? in.getInt(4 * i) : in.getLong(8 * i);
    }
    return values;
  }

  private static Byte[] box(byte[] bytes) {
    Byte[] boxed = new Byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      boxed[i] = bytes[i];
    }
    return boxed;
  }
}
