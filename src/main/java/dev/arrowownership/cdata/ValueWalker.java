package dev.arrowownership.cdata;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Feeds one logical value of an array into a {@link ValueDigest}: a tag (null or not), then the value
 * as its bytes (fixed width), its length and bytes (binary, utf8 and their views), its element count
 * and elements (lists, maps), its fields (struct), its type id and child value (unions), its run's
 * value (run-end encoded), or the dictionary value its index selects. Each index read from a buffer is
 * checked against what it indexes first (nanoarrow's full-level checks), so a bad index is an
 * {@link IllegalArgumentException}, never a wild read.
 */
final class ValueWalker {
  /** Longest single binary or utf8 value read (1 GiB): longer is taken as corrupt offsets. */
  static final long MAX_VALUE_BYTES = 1L << 30;

  private final ValueDigest out;
  private final long maxValueBytes;
  private final Map<ArrayNode, long[]> runEnds = new IdentityHashMap<>();

  /** A walker refusing values longer than {@link #MAX_VALUE_BYTES}. */
  ValueWalker(ValueDigest out) {
    this(out, MAX_VALUE_BYTES);
  }

  /** A walker refusing values longer than {@code maxValueBytes}: a small cap lets a test reach the limit. */
  ValueWalker(ValueDigest out, long maxValueBytes) {
    this.out = out;
    this.maxValueBytes = maxValueBytes;
  }

  /** Logical value {@code i} of {@code node} (0-based, the node's offset not yet added). */
  void value(ArrayNode node, long i) {
    long p = node.offset() + i;
    DataType type = node.schema().type();
    boolean valid = type.kind() != TypeKind.NULL && !isNull(node, p);
    out.tag(valid);
    if (!valid) {
      return;
    }
    if (node.dictionary().isPresent()) {
      ArrayNode dictionary = node.dictionary().get();
      value(dictionary, inRange(node, Indexes.integer(node, p), dictionary.length(), "dictionary index"));
      return;
    }
    switch (type.kind()) {
      case BOOL -> out.tag(bit(node.buffer(1), p));
      case BINARY, UTF8 -> slice(node, p, 4);
      case LARGE_BINARY, LARGE_UTF8 -> slice(node, p, 8);
      case BINARY_VIEW, UTF8_VIEW -> out.bytes(Views.bytes(node, p));
      case LIST, MAP -> list(node, p, 4);
      case LARGE_LIST -> list(node, p, 8);
      case LIST_VIEW -> listView(node, p, 4);
      case LARGE_LIST_VIEW -> listView(node, p, 8);
      case FIXED_SIZE_LIST -> elements(node.children().get(0), p * type.fixedSize(), type.fixedSize());
      case STRUCT -> node.children().forEach(child -> value(child, p));
      case SPARSE_UNION -> value(node.children().get(unionChild(node, p)), p);
      case DENSE_UNION -> denseUnion(node, p);
      case RUN_END_ENCODED -> {
        long[] ends = runEnds.computeIfAbsent(node, RunEnds::read);
        value(node.children().get(1), RunEnds.runOf(ends, p));
      }
      default -> {
        int width = type.bitWidth() / 8;
        out.fixed(NativeReads.bytes(node.buffer(1) + width * p, width));
      }
    }
  }

  private static boolean isNull(ArrayNode node, long p) {
    return node.schema().type().kind().hasValidity() && node.buffer(0) != 0 && !bit(node.buffer(0), p);
  }

  private static boolean bit(long buffer, long p) {
    return (NativeReads.int8(buffer + (p >>> 3)) >> (p & 7) & 1) != 0;
  }

  private void slice(ArrayNode node, long p, int width) {
    long start = Offsets.at(node, width, p);
    long end = Offsets.at(node, width, p + 1);
    checkSlice(node, p, start, end, Offsets.at(node, width, node.offset() + node.length()));
    if (end - start > maxValueBytes) {
      throw CDataReader.fault(node.path() + ".buffers[1]", "value " + p + " is " + (end - start)
          + " bytes, more than " + maxValueBytes);
    }
    out.bytes(NativeReads.bytes(node.buffer(2) + start, (int) (end - start)));
  }

  private void list(ArrayNode node, long p, int width) {
    long start = Offsets.at(node, width, p);
    long end = Offsets.at(node, width, p + 1);
    checkSlice(node, p, start, end, node.children().get(0).length());
    elements(node.children().get(0), start, end - start);
  }

  private void listView(ArrayNode node, long p, int width) {
    long start = width == 4 ? NativeReads.int32(node.buffer(1) + 4 * p) : NativeReads.int64(node.buffer(1) + 8 * p);
    long size = width == 4 ? NativeReads.int32(node.buffer(2) + 4 * p) : NativeReads.int64(node.buffer(2) + 8 * p);
    long childLength = node.children().get(0).length();
    if (start < 0 || size < 0 || start > childLength - size) {
      throw CDataReader.fault(node.path() + ".buffers[1]", "value " + p + " has offset " + start
          + " and size " + size + ", outside the child's length " + childLength);
    }
    elements(node.children().get(0), start, size);
  }

  private void elements(ArrayNode child, long start, long count) {
    out.int64(count);
    for (long j = 0; j < count; j++) {
      value(child, start + j);
    }
  }

  private void denseUnion(ArrayNode node, long p) {
    ArrayNode child = node.children().get(unionChild(node, p));
    long offset = NativeReads.int32(node.buffer(1) + 4 * p);
    value(child, inRange(node, offset, child.length(), "dense union offset"));
  }

  /** The child index of union slot {@code p}, fed to the digest so that equal values in different children differ. */
  private int unionChild(ArrayNode node, long p) {
    int child = Indexes.unionChild(node, p);
    out.int64(child);
    return child;
  }

  private static void checkSlice(ArrayNode node, long p, long start, long end, long limit) {
    if (start < 0 || end < start || end > limit) {
      throw CDataReader.fault(node.path() + ".buffers[1]", "offsets " + start + ".." + end + " of value "
          + p + " are not an ordered range within 0.." + limit);
    }
  }

  private static long inRange(ArrayNode node, long index, long length, String what) {
    if (index < 0 || index >= length) {
      throw CDataReader.fault(node.path(), what + " " + index + " is outside 0.." + (length - 1));
    }
    return index;
  }
}
