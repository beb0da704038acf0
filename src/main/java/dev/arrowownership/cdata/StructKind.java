package dev.arrowownership.cdata;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The two C Data Interface structs and where their ownership fields lie (x86_64/aarch64, LP64).
 *
 * <pre>
 * struct ArrowSchema {                      struct ArrowArray {
 *   const char* format;        //  0           int64_t length;            //  0
 *   const char* name;          //  8           int64_t null_count;        //  8
 *   const char* metadata;      // 16           int64_t offset;            // 16
 *   int64_t flags;             // 24           int64_t n_buffers;         // 24
 *   int64_t n_children;        // 32           int64_t n_children;        // 32
 *   struct ArrowSchema** children;  // 40      const void** buffers;      // 40
 *   struct ArrowSchema* dictionary; // 48      struct ArrowArray** children;   // 48
 *   void (*release)(struct ArrowSchema*); // 56 struct ArrowArray* dictionary; // 56
 *   void* private_data;        // 64           void (*release)(struct ArrowArray*); // 64
 * };                           // 72 bytes     void* private_data;        // 72
 *                                            };                           // 80 bytes
 * </pre>
 */
public enum StructKind {
  ARRAY(80, 32, 48, 56, 64, 72),
  SCHEMA(72, 32, 40, 48, 56, 64);

  private final int size;
  private final int childCountOffset;
  private final int childrenOffset;
  private final int dictionaryOffset;
  private final int releaseOffset;
  private final int privateDataOffset;

  StructKind(int size, int nChildren, int children, int dictionary, int release, int privateData) {
    this.size = size;
    this.childCountOffset = nChildren;
    this.childrenOffset = children;
    this.dictionaryOffset = dictionary;
    this.releaseOffset = release;
    this.privateDataOffset = privateData;
  }

  /** The struct's size in bytes. */
  public int size() {
    return size;
  }

  /** The {@code release} pointer of the struct at {@code address}. */
  public long release(long address) {
    return MemoryUtil.getLong(checked(address) + releaseOffset);
  }

  /** Writes the {@code release} pointer of the struct at {@code address}. */
  public void setRelease(long address, long value) {
    MemoryUtil.putLong(checked(address) + releaseOffset, value);
  }

  /** The {@code private_data} pointer of the struct at {@code address}. */
  public long privateData(long address) {
    return MemoryUtil.getLong(checked(address) + privateDataOffset);
  }

  /** Writes the {@code private_data} pointer of the struct at {@code address}. */
  public void setPrivateData(long address, long value) {
    MemoryUtil.putLong(checked(address) + privateDataOffset, value);
  }

  /** True if the struct at {@code address} is not released ({@code release != NULL}). */
  public boolean isLive(long address) {
    return release(address) != 0;
  }

  /** The {@code n_children} field. */
  public long childCount(long address) {
    return MemoryUtil.getLong(checked(address) + childCountOffset);
  }

  /** The address of child {@code i}, read from the {@code children} array. */
  public long child(long address, long i) {
    long children = MemoryUtil.getLong(checked(address) + childrenOffset);
    return MemoryUtil.getLong(children + 8 * i);
  }

  /** The {@code dictionary} pointer, 0 if none. */
  public long dictionary(long address) {
    return MemoryUtil.getLong(checked(address) + dictionaryOffset);
  }

  /** A copy of the struct's bytes. */
  public byte[] read(long address) {
    byte[] bytes = new byte[size];
    MemoryUtil.copyFromMemory(checked(address), bytes, 0, size);
    return bytes;
  }

  private long checked(long address) {
    if (address == 0) {
      throw new IllegalArgumentException("NULL " + this + " struct address");
    }
    return address;
  }
}
