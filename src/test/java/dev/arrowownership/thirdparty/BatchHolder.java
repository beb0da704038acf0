package dev.arrowownership.thirdparty;

import java.util.function.BiConsumer;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A third party's move-only holder of one C Data batch, written on Arrow Java alone (nothing of
 * this project's wrapper): it owns an {@code ArrowArray} and an {@code ArrowSchema} and calls each
 * one's {@code release} exactly once. It owns a batch exactly when its array's {@code release} is
 * non-NULL. Not thread-safe; it has no output frame.
 */
public final class BatchHolder implements AutoCloseable {
  private final String name;
  private final BufferAllocator allocator;
  private final ArrowArray array;
  private final ArrowSchema schema;
  private boolean closed;

  private BatchHolder(String name, BufferAllocator allocator) {
    this.name = name;
    this.allocator = allocator;
    this.array = ArrowArray.allocateNew(allocator); // released (release == NULL) when new
    try {
      this.schema = ArrowSchema.allocateNew(allocator);
    } catch (RuntimeException | Error e) {
      array.close();
      throw e;
    }
  }

  /** A new holder that owns nothing, its structs allocated from {@code allocator}. */
  public static BatchHolder allocate(BufferAllocator allocator, String name) {
    return new BatchHolder(name, allocator);
  }

  /**
   * Lends this holder's released structs to {@code producer}; the holder then owns the batch.
   *
   * @throws IllegalStateException if the holder owns a batch (filling would leak it) or is closed
   */
  public void fill(BiConsumer<ArrowArray, ArrowSchema> producer) {
    requireOpen("fill");
    if (owns()) {
      throw new IllegalStateException(name + " already owns a batch: fill would leak it");
    }
    producer.accept(array, schema);
  }

  /**
   * Moves the batch into a new holder (the spec's move: copy the bits, mark the source released);
   * this holder stays open and empty. Releases nothing.
   *
   * @throws IllegalStateException if this holder is closed
   */
  public BatchHolder take() {
    requireOpen("take");
    BatchHolder target = new BatchHolder(name + "'", allocator);
    moveBitsTo(target);
    return target;
  }

  /**
   * Releases what this holder owns, then takes {@code source}'s batch; {@code h.replaceWith(h)}
   * does nothing.
   *
   * @throws IllegalStateException if either holder is closed
   */
  public void replaceWith(BatchHolder source) {
    requireOpen("replaceWith");
    source.requireOpen("replaceWith");
    if (source == this) {
      return;
    }
    release();
    source.moveBitsTo(this);
  }

  /**
   * Moves the batch into Arrow Java; the holder is left empty. The caller closes the root, then
   * the dictionaries, which releases the batch.
   *
   * @throws IllegalStateException if the holder owns nothing or is closed
   */
  public VectorSchemaRoot importInto(BufferAllocator target, CDataDictionaryProvider dictionaries) {
    requireOpen("importInto");
    if (!owns()) {
      throw new IllegalStateException(name + " owns no batch: nothing to import");
    }
    // false: Arrow Java must not free the structs' memory, which is this holder's until close().
    return Data.importVectorSchemaRoot(target, array, schema, dictionaries, false);
  }

  /** The owned batch's length, 0 when empty. @throws IllegalStateException if closed */
  public long length() {
    requireOpen("length");
    return owns() ? array.snapshot().length : 0;
  }

  /** True if and only if the holder is open and owns a batch. */
  public boolean isOwned() {
    return !closed && owns();
  }

  /** The address of the holder's {@code ArrowArray}. @throws IllegalStateException if closed */
  public long arrayAddress() {
    requireOpen("arrayAddress");
    return array.memoryAddress();
  }

  /** The address of the holder's {@code ArrowSchema}. @throws IllegalStateException if closed */
  public long schemaAddress() {
    requireOpen("schemaAddress");
    return schema.memoryAddress();
  }

  public String name() {
    return name;
  }

  /** The allocator this holder's structs came from. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** Releases what the holder owns, once, and frees its structs; closing again does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      release();
    } finally {
      array.close();
      schema.close();
    }
  }

  private boolean owns() {
    return array.snapshot().release != 0;
  }

  /** Calls each struct's release; Arrow Java skips a struct whose release is already NULL. */
  private void release() {
    try {
      array.release();
    } finally {
      schema.release();
    }
  }

  private void moveBitsTo(BatchHolder target) {
    target.array.save(array.snapshot());
    array.markReleased();
    target.schema.save(schema.snapshot());
    schema.markReleased();
  }

  private void requireOpen(String operation) {
    if (closed) {
      throw new IllegalStateException(name + " is closed: cannot " + operation);
    }
  }
}
