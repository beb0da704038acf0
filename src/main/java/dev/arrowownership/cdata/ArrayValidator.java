package dev.arrowownership.cdata;

/**
 * Checks one array's buffers and child lengths as nanoarrow's {@code ArrowArrayViewValidate} does at
 * its default level (its minimal checks, plus those that read offsets and run ends): a buffer may be
 * NULL only where it would hold 0 bytes (validity with {@code null_count == 0}; any buffer of an
 * empty {@code offset + length}); the first and last offsets are >= 0 and in order and the child or
 * data they index exists; struct, sparse union and fixed-size list children are long enough; run-end
 * encoded arrays have consistent run ends. Children are checked by their own call.
 */
final class ArrayValidator {
  private ArrayValidator() {}

  static void validate(ArrayNode node) {
    long end = node.offset() + node.length();
    TypeKind kind = node.schema().type().kind();
    if (kind.hasValidity() && node.buffer(0) == 0 && node.nullCount() != 0 && end > 0) {
      throw CDataReader.fault(node.path() + ".buffers[0]", "is NULL but null_count is "
          + node.nullCount());
    }
    switch (kind) {
      case NULL, STRUCT, FIXED_SIZE_LIST, SPARSE_UNION, DENSE_UNION, RUN_END_ENCODED -> { }
      default -> required(node, 1, end);
    }
    switch (kind) {
      case BINARY, UTF8 -> data(node, Offsets.last(node, 4, end));
      case LARGE_BINARY, LARGE_UTF8 -> data(node, Offsets.last(node, 8, end));
      case LIST, MAP -> childLength(node, Offsets.last(node, 4, end), "the last offset");
      case LARGE_LIST -> childLength(node, Offsets.last(node, 8, end), "the last offset");
      case LIST_VIEW, LARGE_LIST_VIEW -> required(node, 2, end);
      case FIXED_SIZE_LIST -> fixedSizeList(node, end);
      case STRUCT -> everyChildLength(node, end);
      case SPARSE_UNION -> {
        required(node, 0, end);
        everyChildLength(node, end);
      }
      case DENSE_UNION -> required(node, 0, end);
      case BINARY_VIEW, UTF8_VIEW -> variadic(node);
      case RUN_END_ENCODED -> RunEnds.validate(node, end);
      default -> { }
    }
  }

  /** Buffer {@code i} holds a value per slot, so it may be NULL only when there are none. */
  static void required(ArrayNode node, int i, long end) {
    if (node.buffer(i) == 0 && end > 0) {
      throw CDataReader.fault(node.path() + ".buffers[" + i + "]", "is NULL but format "
          + CDataReader.describe(node.schema()) + " needs it for offset + length " + end);
    }
  }

  private static void data(ArrayNode node, long lastOffset) {
    if (node.buffer(2) == 0 && lastOffset > 0) {
      throw CDataReader.fault(node.path() + ".buffers[2]", "is NULL but the last offset is " + lastOffset);
    }
  }

  private static void childLength(ArrayNode node, long needed, String what) {
    ArrayNode child = node.children().get(0);
    if (child.length() < needed) {
      throw CDataReader.fault(child.path(), "length is " + child.length() + ", but " + what
          + " of its parent " + CDataReader.describe(node.schema()) + " needs at least " + needed);
    }
  }

  private static void fixedSizeList(ArrayNode node, long end) {
    int size = node.schema().type().fixedSize();
    if (size > 0 && end > Long.MAX_VALUE / size) {
      throw CDataReader.fault(node.path(), "(offset + length) * " + size + " overflows int64");
    }
    childLength(node, end * size, "(offset + length) * " + size);
  }

  private static void everyChildLength(ArrayNode node, long end) {
    for (ArrayNode child : node.children()) {
      if (child.length() < end) {
        throw CDataReader.fault(child.path(), "length is " + child.length() + ", but its parent "
            + CDataReader.describe(node.schema()) + " needs at least offset + length " + end);
      }
    }
  }

  private static void variadic(ArrayNode node) {
    int last = node.bufferCount() - 1;
    long sizes = node.buffer(last);
    if (sizes == 0 && last > 2) {
      throw CDataReader.fault(node.path() + ".buffers[" + last + "]", "is NULL but there are "
          + (last - 2) + " variadic buffers whose sizes it holds");
    }
    for (int i = 2; i < last; i++) {
      long size = NativeReads.int64(sizes + 8L * (i - 2));
      if (size < 0) {
        throw CDataReader.fault(node.path() + ".buffers[" + last + "]", "size of variadic buffer "
            + (i - 2) + " is " + size);
      }
      if (node.buffer(i) == 0 && size > 0) {
        throw CDataReader.fault(node.path() + ".buffers[" + i + "]", "is NULL but its size is " + size);
      }
    }
  }
}
