package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every leaf type Arrow Java exports reads back with its format, kind, length, and a value digest. */
class LeafTypesTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void allocatorEndsEmpty() {
    allocator.close();
  }

  static Stream<Arguments> leaves() {
    return Stream.of(
        leaf(ArrowType.Null.INSTANCE, "n", TypeKind.NULL, 0),
        leaf(ArrowType.Bool.INSTANCE, "b", TypeKind.BOOL, 2),
        leaf(new ArrowType.Int(8, true), "c", TypeKind.INT8, 2),
        leaf(new ArrowType.Int(8, false), "C", TypeKind.UINT8, 2),
        leaf(new ArrowType.Int(16, true), "s", TypeKind.INT16, 2),
        leaf(new ArrowType.Int(16, false), "S", TypeKind.UINT16, 2),
        leaf(new ArrowType.Int(32, true), "i", TypeKind.INT32, 2),
        leaf(new ArrowType.Int(32, false), "I", TypeKind.UINT32, 2),
        leaf(new ArrowType.Int(64, true), "l", TypeKind.INT64, 2),
        leaf(new ArrowType.Int(64, false), "L", TypeKind.UINT64, 2),
        leaf(new ArrowType.FloatingPoint(FloatingPointPrecision.HALF), "e", TypeKind.FLOAT16, 2),
        leaf(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "f", TypeKind.FLOAT32, 2),
        leaf(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "g", TypeKind.FLOAT64, 2),
        leaf(new ArrowType.Decimal(10, 3, 128), "d:10,3", TypeKind.DECIMAL128, 2),
        leaf(new ArrowType.Decimal(40, -2, 256), "d:40,-2,256", TypeKind.DECIMAL256, 2),
        leaf(new ArrowType.Date(DateUnit.DAY), "tdD", TypeKind.DATE32, 2),
        leaf(new ArrowType.Date(DateUnit.MILLISECOND), "tdm", TypeKind.DATE64, 2),
        leaf(new ArrowType.Time(TimeUnit.SECOND, 32), "tts", TypeKind.TIME32, 2),
        leaf(new ArrowType.Time(TimeUnit.MILLISECOND, 32), "ttm", TypeKind.TIME32, 2),
        leaf(new ArrowType.Time(TimeUnit.MICROSECOND, 64), "ttu", TypeKind.TIME64, 2),
        leaf(new ArrowType.Time(TimeUnit.NANOSECOND, 64), "ttn", TypeKind.TIME64, 2),
        leaf(new ArrowType.Timestamp(TimeUnit.SECOND, null), "tss:", TypeKind.TIMESTAMP, 2),
        leaf(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), "tsm:UTC", TypeKind.TIMESTAMP, 2),
        leaf(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"), "tsu:Europe/Paris",
            TypeKind.TIMESTAMP, 2),
        leaf(new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), "tsn:", TypeKind.TIMESTAMP, 2),
        leaf(new ArrowType.Duration(TimeUnit.SECOND), "tDs", TypeKind.DURATION, 2),
        leaf(new ArrowType.Duration(TimeUnit.MILLISECOND), "tDm", TypeKind.DURATION, 2),
        leaf(new ArrowType.Duration(TimeUnit.MICROSECOND), "tDu", TypeKind.DURATION, 2),
        leaf(new ArrowType.Duration(TimeUnit.NANOSECOND), "tDn", TypeKind.DURATION, 2),
        leaf(new ArrowType.Interval(IntervalUnit.YEAR_MONTH), "tiM", TypeKind.INTERVAL_MONTHS, 2),
        leaf(new ArrowType.Interval(IntervalUnit.DAY_TIME), "tiD", TypeKind.INTERVAL_DAY_TIME, 2),
        leaf(new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO), "tin",
            TypeKind.INTERVAL_MONTH_DAY_NANO, 2),
        leaf(new ArrowType.FixedSizeBinary(5), "w:5", TypeKind.FIXED_SIZE_BINARY, 2),
        leaf(ArrowType.Binary.INSTANCE, "z", TypeKind.BINARY, 3),
        leaf(ArrowType.LargeBinary.INSTANCE, "Z", TypeKind.LARGE_BINARY, 3),
        leaf(ArrowType.Utf8.INSTANCE, "u", TypeKind.UTF8, 3),
        leaf(ArrowType.LargeUtf8.INSTANCE, "U", TypeKind.LARGE_UTF8, 3),
        leaf(ArrowType.BinaryView.INSTANCE, "vz", TypeKind.BINARY_VIEW, -1),
        leaf(ArrowType.Utf8View.INSTANCE, "vu", TypeKind.UTF8_VIEW, -1));
  }

  private static Arguments leaf(ArrowType type, String format, TypeKind kind, int buffers) {
    return Arguments.of(type, format, kind, buffers);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("leaves")
  void aLeafReadsBackWithItsFormatKindLengthAndDigest(ArrowType type, String format, TypeKind kind,
      int buffers) {
    try (FieldVector a = LeafVectors.filled(allocator, type, 10, 1);
        FieldVector same = LeafVectors.filled(allocator, type, 10, 1);
        FieldVector other = LeafVectors.filled(allocator, type, 10, 2);
        FieldVector shorter = LeafVectors.filled(allocator, type, 9, 1);
        Exported e = Exported.vector(allocator, a)) {
      ArrayNode node = e.read();
      assertThat(node.schema().format()).isEqualTo(format);
      assertThat(node.schema().type().kind()).isEqualTo(kind);
      assertThat(node.length()).isEqualTo(10);
      if (buffers >= 0) {
        assertThat(node.bufferCount()).isEqualTo(buffers);
      } else {
        assertThat(node.bufferCount()).isGreaterThanOrEqualTo(3);
      }
      assertThat(Exported.digest(allocator, same)).isEqualTo(node.digest());
      assertThat(Exported.digest(allocator, shorter)).isNotEqualTo(node.digest());
      if (kind != TypeKind.NULL) {
        assertThat(Exported.digest(allocator, other)).isNotEqualTo(node.digest());
      }
    }
  }
}
