package dev.arrowownership.generate;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@link BatchSource} of a generated stream ({@link LayoutStream}), written by the kit's own {@link
 * NativeLayoutWriter}: the stream's schema, and as batch {@code i} the stream's batch {@code i} (cut
 * to the rows asked for), every struct's release following a {@link ReleasePlan}. {@link
 * #streamPlan()} is the plan of a {@link KitStream} that yields each batch once, then ends.
 */
public final class LayoutStreamSource implements BatchSource {
  private final LayoutStream stream;
  private final ReleasePlan plan;

  /** A source of {@code stream} whose structs' release callbacks follow {@code plan}. */
  public LayoutStreamSource(LayoutStream stream, ReleasePlan plan) {
    this.stream = stream;
    this.plan = plan;
  }

  /** The generated stream this source writes. */
  public LayoutStream stream() {
    return stream;
  }

  /** Every batch of the stream at its own length, no failure. */
  public StreamPlan streamPlan() {
    return StreamPlan.batches(0).withRows(stream.batches().stream().map(BatchShape::length).toArray(Integer[]::new));
  }

  @Override
  public void exportSchema(BufferAllocator allocator, long schemaAddress) {
    NativeLayoutWriter.writeSchema(stream.layout(), allocator, plan, schemaAddress);
  }

  /** @throws IndexOutOfBoundsException if the stream has no batch {@code index} */
  @Override
  public void exportBatch(BufferAllocator allocator, long arrayAddress, long schemaAddress, long index, int rows) {
    if (index < 0 || index >= stream.batches().size()) {
      throw new IndexOutOfBoundsException("batch " + index + " of a stream of " + stream.batches().size() + " batches: "
          + stream);
    }
    LayoutSource.write(stream.batch((int) index), rows, plan, allocator, arrayAddress, schemaAddress);
  }

  @Override
  public String toString() {
    return stream.toString();
  }
}
