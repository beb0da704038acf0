package dev.arrowownership.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A generated array in Java memory, laid out exactly as its C {@code ArrowArray} will be: the
 * {@code length}, {@code offset} and {@code null_count} fields and each buffer's bytes (null for a
 * NULL buffer pointer), with the children and the dictionary. {@link NativeLayoutWriter} copies it
 * into native memory; nothing here is native.
 *
 * @param layout the field this array holds
 * @param length logical values
 * @param offset leading slots before the first logical value
 * @param nullCount nulls among the logical values
 * @param buffers the buffers in C Data order; an entry may be null (a NULL pointer)
 * @param children the child arrays in order
 * @param dictionary the dictionary's array when the field is dictionary-encoded
 */
public record ArrayContent(ArrowLayout layout, long length, long offset, long nullCount, List<byte[]> buffers,
    List<ArrayContent> children, Optional<ArrayContent> dictionary) {

  public ArrayContent {
    buffers = Collections.unmodifiableList(new ArrayList<>(buffers)); // NULL buffers are null entries
    children = List.copyOf(children);
  }

  /** The number of variadic data buffers (binary and utf8 views), 0 for every other layout. */
  public int variadicBuffers() {
    return layout.kind().isView() ? buffers.size() - layout.kind().fixedBuffers() - 1 : 0;
  }

  @Override
  public String toString() {
    return layout.format() + " length " + length + " offset " + offset + " null_count " + nullCount + " n_buffers "
        + buffers.size();
  }
}
