package dev.arrowownership.generate;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StructKind;
import java.util.Optional;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The invalid or unsupported input the kit hands to consumers, to check how they reject it: a
 * {@link GeneratedBatch} exported by Arrow Java, with one thing broken in its schema or its array
 * before the ledger tracks it. Every fault keeps the producer's release working (it walks only
 * {@code n_children}, {@code children}, {@code dictionary} and {@code private_data}, which stay
 * intact), and is chosen so that a consumer that trusts it anyway still reads memory that exists.
 */
public enum InvalidBatch {
  /** Spec, "Data type description -- format strings": {@code ?kit} is no format the spec defines. */
  UNKNOWN_FORMAT(StructKind.SCHEMA, "schema.children[0].format is '" + InvalidBatch.UNKNOWN + "', a format the spec"
      + " does not define") {
    @Override
    Optional<ArrowArray> breakAt(long schema, BufferAllocator allocator) {
      MemoryUtil.putLong(StructKind.SCHEMA.child(schema, 0), Pointer.nativeValue(UNKNOWN_FORMAT_STRING)); // format: offset 0
      return Optional.empty();
    }
  },
  /** Spec, ArrowArray.n_buffers: "a function of the data type": int32 has 2 (validity, values). */
  WRONG_BUFFER_COUNT(StructKind.ARRAY, "array.children[0].n_buffers is 1; its type int32 has 2 buffers") {
    @Override
    Optional<ArrowArray> breakAt(long array, BufferAllocator allocator) {
      // Fewer than the type needs, not more: a consumer that trusts it reads no pointer past the array.
      MemoryUtil.putLong(StructKind.ARRAY.child(array, 0) + N_BUFFERS_OFFSET, 1);
      return Optional.empty();
    }
  },
  /** Spec, ArrowArray.length: "the logical length of the array (i.e. its number of items)". */
  NEGATIVE_LENGTH(StructKind.ARRAY, "array.length is -1") {
    @Override
    Optional<ArrowArray> breakAt(long array, BufferAllocator allocator) {
      MemoryUtil.putLong(array, -1); // length: offset 0
      return Optional.empty();
    }
  },
  /**
   * Spec, "Released structure": a child with {@code release == NULL} under a live parent. The kit
   * moves the child out (spec: "Moving child arrays") and releases its copy after the consumer is
   * done, so the child's buffers stay valid meanwhile.
   */
  RELEASED_CHILD(StructKind.ARRAY, "array.children[1] is released (release == NULL) under a live parent") {
    @Override
    Optional<ArrowArray> breakAt(long array, BufferAllocator allocator) {
      ArrowArray child = ArrowArray.wrap(StructKind.ARRAY.child(array, 1));
      ArrowArray moved = ArrowArray.allocateNew(allocator);
      moved.save(child.snapshot());
      child.markReleased(); // the parent's release skips a released child
      return Optional.of(moved);
    }
  };

  private static final String UNKNOWN = "?kit";
  // Static, hence never freed: a consumer may read the format until the check ends.
  private static final Memory UNKNOWN_FORMAT_STRING = KitStream.cString(UNKNOWN);
  private static final int N_BUFFERS_OFFSET = 24;

  private final StructKind kind;
  private final String description;

  InvalidBatch(StructKind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** The struct the fault is in: the schema or the array. */
  public StructKind kind() {
    return kind;
  }

  /** What is wrong, naming the field by its path, e.g. {@code array.length is -1}. */
  public String description() {
    return description;
  }

  /**
   * Breaks the live, untracked struct of {@link #kind()} at {@code address}, a generated batch's as
   * Arrow Java exported it.
   *
   * @param allocator memory for the child a {@link #RELEASED_CHILD} moves out
   * @return the moved-out child, which the caller releases once the consumer is done (and then
   *     closes), or empty for every other fault
   */
  public Optional<ArrowArray> breakStruct(long address, BufferAllocator allocator) {
    if (!kind.isLive(address)) {
      throw new IllegalArgumentException(this + ": the " + kind + " at 0x" + Long.toHexString(address)
          + " is released; only a live struct can be broken");
    }
    return breakAt(address, allocator);
  }

  abstract Optional<ArrowArray> breakAt(long address, BufferAllocator allocator);

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
