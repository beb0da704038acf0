package dev.arrowownership.cdata;

/** Reads the integers that select other values: dictionary indices and union type ids. */
final class Indexes {
  private Indexes() {}

  /**
   * The dictionary index in slot {@code p} of a dictionary-encoded array, as a signed long; an
   * unsigned 64-bit index beyond {@code Long.MAX_VALUE} reads negative, which no dictionary can hold.
   */
  static long integer(ArrayNode node, long p) {
    long data = node.buffer(1);
    return switch (node.schema().type().kind()) {
      case INT8 -> NativeReads.int8(data + p);
      case UINT8 -> NativeReads.int8(data + p) & 0xFFL;
      case INT16 -> NativeReads.int16(data + 2 * p);
      case UINT16 -> NativeReads.int16(data + 2 * p) & 0xFFFFL;
      case INT32 -> NativeReads.int32(data + 4 * p);
      case UINT32 -> NativeReads.int32(data + 4 * p) & 0xFFFFFFFFL;
      default -> NativeReads.int64(data + 8 * p);
    };
  }

  /** The child index of union slot {@code p}: its type id's position in the format's list. */
  static int unionChild(ArrayNode node, long p) {
    int typeId = NativeReads.int8(node.buffer(0) + p);
    int child = node.schema().type().typeIds().indexOf(typeId);
    if (child < 0) {
      throw CDataReader.fault(node.path() + ".buffers[0]", "type id " + typeId + " of slot " + p
          + " is not one of the format's " + node.schema().type().typeIds());
    }
    return child;
  }
}
