package dev.arrowownership.cdata;

import java.util.List;
import java.util.Optional;

/**
 * One {@code ArrowArray} of a tree read by {@link CDataReader#read}: its fields copied, its buffers
 * kept as addresses (borrowed: valid only while the array is live).
 */
public final class ArrayNode {
  private final String path;
  private final SchemaNode schema;
  private final long length;
  private final long offset;
  private final long nullCount;
  private final long[] buffers;
  private final List<ArrayNode> children;
  private final Optional<ArrayNode> dictionary;
  private String digest;

  ArrayNode(String path, SchemaNode schema, long length, long offset, long nullCount,
      long[] buffers, List<ArrayNode> children, Optional<ArrayNode> dictionary) {
    this.path = path;
    this.schema = schema;
    this.length = length;
    this.offset = offset;
    this.nullCount = nullCount;
    this.buffers = buffers.clone();
    this.children = List.copyOf(children);
    this.dictionary = dictionary;
  }

  /** Where the struct sits, e.g. {@code array.children[0].dictionary}. */
  public String path() {
    return path;
  }

  /** The schema node this array was read against. */
  public SchemaNode schema() {
    return schema;
  }

  /** The number of logical values ({@code length}, >= 0). */
  public long length() {
    return length;
  }

  /** The first logical value's index in the buffers ({@code offset}, >= 0). */
  public long offset() {
    return offset;
  }

  /** {@code null_count}: >= 0, or -1 when the producer did not compute it. */
  public long nullCount() {
    return nullCount;
  }

  /** {@code n_buffers}. */
  public int bufferCount() {
    return buffers.length;
  }

  /** The address of buffer {@code i} (0 for NULL). */
  public long buffer(int i) {
    return buffers[i];
  }

  /** The children in order (as many as the schema's). */
  public List<ArrayNode> children() {
    return children;
  }

  /** The dictionary, present exactly when the schema has one. */
  public Optional<ArrayNode> dictionary() {
    return dictionary;
  }

  /**
   * The SHA-256 (lower-case hex, 64 characters) of this array's schema (formats, names, flags,
   * metadata) and of its logical values: the {@code length} values from {@code offset}, nulls as
   * nulls whatever their slots hold, views by their bytes, dictionary-encoded values decoded.
   * Equal for equal data however it is sliced or laid out. Read on the first call, while the array
   * must be live; then kept.
   *
   * @throws IllegalArgumentException naming the path, when a value points outside what the array
   *     holds (offsets decreasing or past the child, union type ids not declared, view or dictionary
   *     indices out of range, run ends not increasing): nanoarrow's full-level checks
   */
  public String digest() {
    if (digest == null) {
      digest = ValueDigest.of(this);
    }
    return digest;
  }

  @Override
  public String toString() {
    return path + " " + schema.format() + " length " + length + " offset " + offset;
  }
}
