package dev.arrowownership.libraries;

import dev.arrowownership.cdata.StructKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Struct memory the test owns: zeroed (released) structs handed to a library through {@code wrap},
 * so closing the library's view never frees them and the test can still read {@code release}
 * after the library is done. {@link #close()} frees them all.
 */
public final class StructMemory implements AutoCloseable {
  /** {@code sizeof(struct ArrowArrayStream)}: five pointers (Arrow Java keeps its constant private). */
  static final int STREAM_SIZE = 40;

  private final BufferAllocator allocator;
  private final List<ArrowBuf> buffers = new ArrayList<>();

  public StructMemory(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** A zeroed {@code ArrowArray} this object owns. */
  public ArrowArray array() {
    return ArrowArray.wrap(zeroed(StructKind.ARRAY.size()));
  }

  /** A zeroed {@code ArrowSchema} this object owns. */
  public ArrowSchema schema() {
    return ArrowSchema.wrap(zeroed(StructKind.SCHEMA.size()));
  }

  /** A zeroed {@code ArrowArrayStream} this object owns. */
  public ArrowArrayStream stream() {
    return ArrowArrayStream.wrap(zeroed(STREAM_SIZE));
  }

  /** The spec's move: copies the live stream at {@code address} into a new struct of this object, marks the source released. */
  public ArrowArrayStream moveStream(long address) {
    ArrowArrayStream source = ArrowArrayStream.wrap(address);
    ArrowArrayStream moved = stream();
    moved.save(source.snapshot());
    source.markReleased();
    return moved;
  }

  private long zeroed(long size) {
    ArrowBuf buffer = allocator.buffer(size);
    buffer.setZero(0, size);
    buffers.add(buffer);
    return buffer.memoryAddress();
  }

  @Override
  public void close() {
    buffers.forEach(ArrowBuf::close);
    buffers.clear();
  }
}
