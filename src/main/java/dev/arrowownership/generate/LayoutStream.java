package dev.arrowownership.generate;

import java.util.List;

/**
 * A generated stream: one schema and the shapes of its batches, in order (none: a stream that ends at
 * once). It prints as the schema's format-string notation and the batch lengths.
 *
 * @param layout the schema every batch has
 * @param batches the shape of each batch
 */
public record LayoutStream(ArrowLayout layout, List<BatchShape> batches) {

  public LayoutStream {
    if (layout == null) {
      throw new IllegalArgumentException("a generated stream needs a layout");
    }
    batches = List.copyOf(batches);
  }

  /** Batch {@code index} of this stream. */
  public LayoutBatch batch(int index) {
    return new LayoutBatch(layout, batches.get(index));
  }

  @Override
  public String toString() {
    return layout + " batches of lengths " + batches.stream().map(BatchShape::length).toList()
        + " offsets " + batches.stream().map(BatchShape::offset).toList();
  }
}
