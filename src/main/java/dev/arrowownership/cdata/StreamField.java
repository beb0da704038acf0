package dev.arrowownership.cdata;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The fields of the C Stream Interface's {@code struct ArrowArrayStream} (LP64), read and written at
 * a struct's address. One place for the layout, for both the kit's own stream and the test
 * interposer that wraps other libraries' streams.
 *
 * <pre>
 * struct ArrowArrayStream {
 *   int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);  //  0
 *   int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);     //  8
 *   const char* (*get_last_error)(struct ArrowArrayStream*);              // 16
 *   void (*release)(struct ArrowArrayStream*);                            // 24
 *   void* private_data;                                                   // 32
 * };
 * </pre>
 */
public enum StreamField {
  GET_SCHEMA(0),
  GET_NEXT(8),
  GET_LAST_ERROR(16),
  RELEASE(24),
  PRIVATE_DATA(32);

  private final int offset;

  StreamField(int offset) {
    this.offset = offset;
  }

  /** This field of the stream at {@code address}. */
  public long get(long address) {
    return MemoryUtil.getLong(checked(address) + offset);
  }

  /** Writes this field of the stream at {@code address}. */
  public void set(long address, long value) {
    MemoryUtil.putLong(checked(address) + offset, value);
  }

  private static long checked(long address) {
    if (address == 0) {
      throw new IllegalArgumentException("NULL ArrowArrayStream address");
    }
    return address;
  }
}
