package dev.arrowownership.generate;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@link BatchSource} of one generated batch, written by the kit's own {@link NativeLayoutWriter}:
 * every batch has the batch's layout and shape, except that a batch of fewer rows asked for (a
 * stream's empty or short batch) is that much shorter, and each batch index gets its own values.
 * Every struct's release follows a {@link ReleasePlan}: the whole plan unless a broken one is given.
 */
public final class LayoutSource implements BatchSource {
  private final LayoutBatch batch;
  private final ReleasePlan plan;

  public LayoutSource(LayoutBatch batch) {
    this(batch, ReleasePlan.COMPLETE);
  }

  /** A source whose structs' release callbacks follow {@code plan}. */
  public LayoutSource(LayoutBatch batch, ReleasePlan plan) {
    this.batch = batch;
    this.plan = plan;
  }

  /** The generated batch this source writes. */
  public LayoutBatch batch() {
    return batch;
  }

  @Override
  public void exportSchema(BufferAllocator allocator, long schemaAddress) {
    NativeLayoutWriter.writeSchema(batch.layout(), allocator, plan, schemaAddress);
  }

  @Override
  public void exportBatch(BufferAllocator allocator, long arrayAddress, long schemaAddress, long index, int rows) {
    BatchShape shape = batch.shape();
    LayoutBatch indexed = new LayoutBatch(batch.layout(),
        new BatchShape(shape.length(), shape.offset(), shape.nulls(), shape.seed() + index));
    write(indexed, rows, plan, allocator, arrayAddress, schemaAddress);
  }

  /**
   * Writes {@code batch}, cut to at most {@code rows} rows, into the array at {@code arrayAddress},
   * and its schema into the one at {@code schemaAddress} unless that is 0.
   */
  static void write(LayoutBatch batch, int rows, ReleasePlan plan, BufferAllocator allocator, long arrayAddress,
      long schemaAddress) {
    BatchShape shape = batch.shape();
    ArrayContent content = new LayoutBatch(batch.layout(),
        new BatchShape(Math.min(rows, shape.length()), shape.offset(), shape.nulls(), shape.seed())).content();
    if (schemaAddress == 0) {
      NativeLayoutWriter.writeArray(content, allocator, plan, arrayAddress);
    } else {
      NativeLayoutWriter.write(content, allocator, plan, arrayAddress, schemaAddress);
    }
  }

  @Override
  public String toString() {
    return batch.toString();
  }
}
