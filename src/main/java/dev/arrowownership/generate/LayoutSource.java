package dev.arrowownership.generate;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@link BatchSource} of one generated batch, written by the kit's own {@link NativeLayoutWriter}:
 * every batch has the batch's layout and shape, except that a batch of fewer rows asked for (a
 * stream's empty or short batch) is that much shorter, and each batch index gets its own values.
 */
public final class LayoutSource implements BatchSource {
  private final LayoutBatch batch;

  public LayoutSource(LayoutBatch batch) {
    this.batch = batch;
  }

  /** The generated batch this source writes. */
  public LayoutBatch batch() {
    return batch;
  }

  @Override
  public void exportSchema(BufferAllocator allocator, long schemaAddress) {
    NativeLayoutWriter.writeSchema(batch.layout(), allocator, schemaAddress);
  }

  @Override
  public void exportBatch(BufferAllocator allocator, long arrayAddress, long schemaAddress, long index, int rows) {
    BatchShape shape = batch.shape();
    LayoutBatch indexed = new LayoutBatch(batch.layout(),
        new BatchShape(Math.min(rows, shape.length()), shape.offset(), shape.nulls(), shape.seed() + index));
    if (schemaAddress == 0) {
      NativeLayoutWriter.writeArray(indexed.content(), allocator, arrayAddress);
    } else {
      NativeLayoutWriter.write(indexed, allocator, arrayAddress, schemaAddress);
    }
  }

  @Override
  public String toString() {
    return batch.toString();
  }
}
