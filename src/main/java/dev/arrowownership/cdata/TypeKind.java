package dev.arrowownership.cdata;

/**
 * The logical types of the C Data Interface's format-string table ("Data type description -- format
 * strings"), each with the number of fixed buffers of its physical layout (the spec's "Buffers" of the
 * Columnar Format, validity included where the layout has one). A dictionary-encoded array has the
 * layout of its index type, so dictionaries are not a kind of their own.
 */
public enum TypeKind {
  NULL("null", 0),
  BOOL("bool", 2),
  INT8("int8", 2),
  UINT8("uint8", 2),
  INT16("int16", 2),
  UINT16("uint16", 2),
  INT32("int32", 2),
  UINT32("uint32", 2),
  INT64("int64", 2),
  UINT64("uint64", 2),
  FLOAT16("float16", 2),
  FLOAT32("float32", 2),
  FLOAT64("float64", 2),
  DECIMAL32("decimal32", 2),
  DECIMAL64("decimal64", 2),
  DECIMAL128("decimal128", 2),
  DECIMAL256("decimal256", 2),
  DATE32("date32", 2),
  DATE64("date64", 2),
  TIME32("time32", 2),
  TIME64("time64", 2),
  TIMESTAMP("timestamp", 2),
  DURATION("duration", 2),
  INTERVAL_MONTHS("interval months", 2),
  INTERVAL_DAY_TIME("interval day-time", 2),
  INTERVAL_MONTH_DAY_NANO("interval month-day-nano", 2),
  FIXED_SIZE_BINARY("fixed-size binary", 2),
  BINARY("binary", 3),
  LARGE_BINARY("large binary", 3),
  UTF8("utf8", 3),
  LARGE_UTF8("large utf8", 3),
  // validity, views, then variadic data buffers and a final buffer of their int64 sizes
  BINARY_VIEW("binary view", 2),
  UTF8_VIEW("utf8 view", 2),
  LIST("list", 2),
  LARGE_LIST("large list", 2),
  FIXED_SIZE_LIST("fixed-size list", 1),
  LIST_VIEW("list view", 3),
  LARGE_LIST_VIEW("large list view", 3),
  STRUCT("struct", 1),
  MAP("map", 2),
  // unions have no validity buffer: type ids (and offsets when dense)
  SPARSE_UNION("sparse union", 1),
  DENSE_UNION("dense union", 2),
  // no buffers: run ends and values are the two children
  RUN_END_ENCODED("run-end encoded", 0);

  private final String label;
  private final int fixedBuffers;

  TypeKind(String label, int fixedBuffers) {
    this.label = label;
    this.fixedBuffers = fixedBuffers;
  }

  /** The type's name as error messages spell it, e.g. {@code utf8}, {@code large list view}. */
  public String label() {
    return label;
  }

  /**
   * The number of buffers before any variadic ones: exactly {@code n_buffers} for every kind but the
   * two view kinds, whose arrays have {@code fixedBuffers() + variadic + 1} buffers.
   */
  public int fixedBuffers() {
    return fixedBuffers;
  }

  /** True for the binary and utf8 view kinds, whose buffer count varies. */
  public boolean isView() {
    return this == BINARY_VIEW || this == UTF8_VIEW;
  }

  /** True if the layout begins with a validity bitmap (every layout but null, unions and run-end). */
  public boolean hasValidity() {
    return fixedBuffers > 0 && this != SPARSE_UNION && this != DENSE_UNION;
  }

  /** True for the eight integer kinds, the only valid dictionary index types. */
  public boolean isInteger() {
    return ordinal() >= INT8.ordinal() && ordinal() <= UINT64.ordinal();
  }
}
