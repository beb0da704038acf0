package dev.arrowownership.generate;

/**
 * A generated batch: a layout and the shape of one array of it. It prints as the layout's
 * format-string notation and the shape ({@code +l<vu> length 3 offset 1 nulls SOME seed 7}), so a
 * shrunk counterexample names the offending layout.
 *
 * @param layout the schema (a record batch is a {@code +s} at the top; any other type is a plain array)
 * @param shape the array's length, offset, nulls and seed
 */
public record LayoutBatch(ArrowLayout layout, BatchShape shape) {

  public LayoutBatch {
    if (layout == null || shape == null) {
      throw new IllegalArgumentException("a generated batch needs a layout and a shape");
    }
  }

  /** Builds the buffers of this batch, in Java memory. */
  public ArrayContent content() {
    return new ContentBuilder(shape).build(layout, shape.length(), shape.offset());
  }

  @Override
  public String toString() {
    return layout + " " + shape;
  }
}
