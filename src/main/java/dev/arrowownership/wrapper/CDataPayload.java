package dev.arrowownership.wrapper;

import dev.arrowownership.cdata.StructKind;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/** An {@code ArrowArray} and an {@code ArrowSchema} at fixed addresses, allocated together. */
final class CDataPayload implements Payload, AutoCloseable {
  final ArrowArray array;
  final ArrowSchema schema;

  private CDataPayload(ArrowArray array, ArrowSchema schema) {
    this.array = array;
    this.schema = schema;
  }

  /** Allocates both structs zeroed (released); frees the first if the second fails. */
  static CDataPayload allocate(BufferAllocator allocator) {
    ArrowArray array = ArrowArray.allocateNew(allocator);
    try {
      return new CDataPayload(array, ArrowSchema.allocateNew(allocator));
    } catch (RuntimeException | Error e) {
      array.close();
      throw e;
    }
  }

  boolean arrayOwned() {
    return StructKind.ARRAY.isLive(array.memoryAddress());
  }

  boolean schemaOwned() {
    return StructKind.SCHEMA.isLive(schema.memoryAddress());
  }

  @Override
  public boolean isOwned() {
    return arrayOwned() || schemaOwned();
  }

  @Override
  public void moveTo(Payload target) {
    CDataPayload to = (CDataPayload) target;
    if (to.isOwned()) {
      throw new IllegalStateException("move target still owns content");
    }
    // The spec's move: copy the bits, then mark the source released. A plain memory copy, where
    // Arrow's snapshot()/save()/markReleased() would build a direct ByteBuffer for every call.
    // Both structs, owned or not: a released struct copied is a released struct (its release is NULL).
    move(StructKind.ARRAY, array.memoryAddress(), to.array.memoryAddress());
    move(StructKind.SCHEMA, schema.memoryAddress(), to.schema.memoryAddress());
  }

  private static void move(StructKind kind, long from, long to) {
    MemoryUtil.copyMemory(from, to, kind.size());
    kind.setRelease(from, 0L);
  }

  @Override
  public void release() {
    try {
      array.release(); // a no-op when release is already NULL
    } finally {
      schema.release();
    }
  }

  /** Releases whatever is still owned, then frees the structs: for a payload that no core holds. */
  @Override
  public void close() {
    try {
      release();
    } finally {
      free();
    }
  }

  @Override
  public void free() {
    try {
      array.close();
    } finally {
      schema.close();
    }
  }
}
