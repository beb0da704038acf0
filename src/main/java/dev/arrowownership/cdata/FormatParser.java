package dev.arrowownership.cdata;

import dev.arrowownership.cdata.DataType.TimeUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a format string of the C Data Interface (spec: "Data type description -- format strings")
 * into a {@link DataType}, as nanoarrow's {@code ArrowSchemaViewParse} does, but strictly: nothing may
 * follow a complete format ({@code "ix"} is malformed).
 */
public final class FormatParser {
  private static final Map<String, DataType> SIMPLE = Map.ofEntries(
      simple("n", TypeKind.NULL, 0),
      simple("b", TypeKind.BOOL, 1),
      simple("c", TypeKind.INT8, 8),
      simple("C", TypeKind.UINT8, 8),
      simple("s", TypeKind.INT16, 16),
      simple("S", TypeKind.UINT16, 16),
      simple("i", TypeKind.INT32, 32),
      simple("I", TypeKind.UINT32, 32),
      simple("l", TypeKind.INT64, 64),
      simple("L", TypeKind.UINT64, 64),
      simple("e", TypeKind.FLOAT16, 16),
      simple("f", TypeKind.FLOAT32, 32),
      simple("g", TypeKind.FLOAT64, 64),
      simple("z", TypeKind.BINARY, 0),
      simple("Z", TypeKind.LARGE_BINARY, 0),
      simple("u", TypeKind.UTF8, 0),
      simple("U", TypeKind.LARGE_UTF8, 0),
      simple("vz", TypeKind.BINARY_VIEW, 0),
      simple("vu", TypeKind.UTF8_VIEW, 0),
      simple("tdD", TypeKind.DATE32, 32),
      simple("tdm", TypeKind.DATE64, 64),
      simple("tiM", TypeKind.INTERVAL_MONTHS, 32),
      simple("tiD", TypeKind.INTERVAL_DAY_TIME, 64),
      simple("tin", TypeKind.INTERVAL_MONTH_DAY_NANO, 128),
      simple("+l", TypeKind.LIST, 0),
      simple("+L", TypeKind.LARGE_LIST, 0),
      simple("+vl", TypeKind.LIST_VIEW, 0),
      simple("+vL", TypeKind.LARGE_LIST_VIEW, 0),
      simple("+s", TypeKind.STRUCT, 0),
      simple("+m", TypeKind.MAP, 0),
      simple("+r", TypeKind.RUN_END_ENCODED, 0));
  private static final Pattern DECIMAL = Pattern.compile("d:(\\d+),(-?\\d+)(?:,(\\d+))?");
  private static final Pattern WIDTH = Pattern.compile("(\\+?)w:(\\d+)");
  private static final Pattern TIME = Pattern.compile("t([tD])([smun])");
  private static final Pattern TIMESTAMP = Pattern.compile("ts([smun]):(.*)", Pattern.DOTALL);
  private static final Pattern UNION = Pattern.compile("\\+u([ds]):(.*)", Pattern.DOTALL);

  private FormatParser() {}

  /**
   * The type the format string describes.
   *
   * @throws IllegalArgumentException "unknown format 'x'" or "malformed format 'x': what is wrong"
   */
  public static DataType parse(String format) {
    DataType simple = SIMPLE.get(format);
    if (simple != null) {
      return simple;
    }
    Matcher m;
    if ((m = DECIMAL.matcher(format)).matches()) {
      return decimal(format, m);
    }
    if ((m = WIDTH.matcher(format)).matches()) {
      boolean list = !m.group(1).isEmpty();
      int size = number(format, m.group(2));
      if (!list && size == 0) {
        throw malformed(format, "a fixed-size binary needs a width > 0");
      }
      return list
          ? new DataType(TypeKind.FIXED_SIZE_LIST, 0, 0, 0, null, null, size, List.of())
          : new DataType(TypeKind.FIXED_SIZE_BINARY, 8 * size, 0, 0, null, null, size, List.of());
    }
    if ((m = TIME.matcher(format)).matches()) {
      TimeUnit unit = unit(m.group(2));
      TypeKind kind = m.group(1).equals("D") ? TypeKind.DURATION
          : unit.compareTo(TimeUnit.MILLISECOND) <= 0 ? TypeKind.TIME32 : TypeKind.TIME64;
      return new DataType(kind, kind == TypeKind.TIME32 ? 32 : 64, 0, 0, unit, null, 0, List.of());
    }
    if ((m = TIMESTAMP.matcher(format)).matches()) {
      return new DataType(TypeKind.TIMESTAMP, 64, 0, 0, unit(m.group(1)), m.group(2), 0, List.of());
    }
    if ((m = UNION.matcher(format)).matches()) {
      TypeKind kind = m.group(1).equals("d") ? TypeKind.DENSE_UNION : TypeKind.SPARSE_UNION;
      return new DataType(kind, 0, 0, 0, null, null, 0, typeIds(format, m.group(2)));
    }
    throw new IllegalArgumentException("unknown format '" + format + "'");
  }

  private static DataType decimal(String format, Matcher m) {
    int precision = number(format, m.group(1));
    int scale = number(format, m.group(2));
    int bits = m.group(3) == null ? 128 : number(format, m.group(3));
    TypeKind kind = switch (bits) {
      case 32 -> TypeKind.DECIMAL32;
      case 64 -> TypeKind.DECIMAL64;
      case 128 -> TypeKind.DECIMAL128;
      case 256 -> TypeKind.DECIMAL256;
      default -> throw malformed(format, "decimal bit width " + bits + " is not 32, 64, 128 or 256");
    };
    if (precision == 0) {
      throw malformed(format, "a decimal needs a precision > 0");
    }
    return new DataType(kind, bits, precision, scale, null, null, 0, List.of());
  }

  private static List<Integer> typeIds(String format, String list) {
    List<Integer> ids = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (String id : list.isEmpty() ? new String[0] : list.split(",", -1)) {
      if (!id.matches("\\d{1,3}") || Integer.parseInt(id) > 127) {
        throw malformed(format, "type id '" + id + "' is not an integer in 0..127");
      }
      if (!seen.add(Integer.parseInt(id))) {
        throw malformed(format, "type id " + id + " appears twice");
      }
      ids.add(Integer.parseInt(id));
    }
    return ids;
  }

  private static int number(String format, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw malformed(format, digits + " does not fit in an int32");
    }
  }

  private static TimeUnit unit(String letter) {
    return TimeUnit.values()["smun".indexOf(letter)];
  }

  private static IllegalArgumentException malformed(String format, String why) {
    return new IllegalArgumentException("malformed format '" + format + "': " + why);
  }

  private static Map.Entry<String, DataType> simple(String format, TypeKind kind, int bits) {
    return Map.entry(format, new DataType(kind, bits, 0, 0, null, null, 0, List.of()));
  }
}
