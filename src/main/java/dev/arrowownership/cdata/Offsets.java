package dev.arrowownership.cdata;

/** Reads the int32 or int64 offsets of binary, utf8 and list layouts (buffer 1), checked. */
final class Offsets {
  private Offsets() {}

  /** Offset {@code i} (an index into the buffer, the array's offset included). */
  static long at(ArrayNode node, int width, long i) {
    long address = node.buffer(1) + width * i;
    return width == 4 ? NativeReads.int32(address) : NativeReads.int64(address);
  }

  /**
   * The last offset of the array's slots, after checking as nanoarrow's default level does that the
   * first and the last are >= 0 (and, stricter, in order); 0 for an empty {@code offset + length}.
   */
  static long last(ArrayNode node, int width, long end) {
    if (end == 0) {
      return 0;
    }
    long first = at(node, width, node.offset());
    long last = at(node, width, end);
    String where = node.path() + ".buffers[1]";
    if (first < 0) {
      throw CDataReader.fault(where, "first offset is " + first + ", must be >= 0");
    }
    if (last < first) {
      throw CDataReader.fault(where, "last offset " + last + " is less than the first " + first);
    }
    return last;
  }
}
