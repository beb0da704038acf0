package dev.arrowownership.cdata;

/**
 * Reads one value of a binary or utf8 view array (spec: "Variable-size Binary View Layout"): a
 * 16-byte view holding an int32 length, then either the bytes inline (length <= 12) or a 4-byte
 * prefix, an int32 variadic buffer index and an int32 offset into that buffer. Buffers: validity,
 * views, the variadic data buffers, then an int64 array of their sizes.
 */
final class Views {
  /** Longest value held inline in the view itself. */
  static final int INLINE = 12;

  private Views() {}

  /** The bytes of slot {@code p}, after checking that they lie within their variadic buffer. */
  static byte[] bytes(ArrayNode node, long p) {
    long view = node.buffer(1) + 16 * p;
    int length = NativeReads.int32(view);
    String where = node.path() + ".buffers[1]";
    if (length < 0) {
      throw CDataReader.fault(where, "view " + p + " has length " + length);
    }
    if (length <= INLINE) {
      return NativeReads.bytes(view + 4, length);
    }
    int buffer = NativeReads.int32(view + 8);
    int offset = NativeReads.int32(view + 12);
    int variadic = node.bufferCount() - 3;
    if (buffer < 0 || buffer >= variadic) {
      throw CDataReader.fault(where, "view " + p + " names variadic buffer " + buffer + " of "
          + variadic);
    }
    long size = NativeReads.int64(node.buffer(variadic + 2) + 8L * buffer);
    if (offset < 0 || offset > size - length) {
      throw CDataReader.fault(where, "view " + p + " reads bytes " + offset + ".." + (offset + (long) length)
          + " of variadic buffer " + buffer + ", whose size is " + size);
    }
    return NativeReads.bytes(node.buffer(2 + buffer) + offset, length);
  }
}
