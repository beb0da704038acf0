package dev.arrowownership.cdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code ArrowArray} tree against its schema tree into {@link ArrayNode}s, checking what
 * nanoarrow's {@code ArrowArrayViewSetArray} checks of each struct before its buffers: a live struct,
 * {@code length >= 0}, {@code offset >= 0}, {@code null_count >= -1}, the buffer count of the layout
 * (spec: "Buffers" of each layout in the Columnar Format; views at least 3), as many children as the
 * schema, and a dictionary exactly when the schema has one. Then {@link ArrayValidator} checks the
 * buffers.
 */
final class ArrayReader {
  private static final int NULL_COUNT = 8;
  private static final int OFFSET = 16;
  private static final int N_BUFFERS = 24;
  private static final int BUFFERS = 40;

  private final TreeGuard guard = new TreeGuard(StructKind.ARRAY);

  ArrayNode read(long address, SchemaNode schema, String path) {
    guard.enter(address, path);
    // length is the struct's first field
    long length = NativeReads.int64(address);
    long nullCount = NativeReads.int64(address + NULL_COUNT);
    long offset = NativeReads.int64(address + OFFSET);
    if (length < 0) {
      throw CDataReader.fault(path, "length is " + length + ", must be >= 0");
    }
    if (offset < 0) {
      throw CDataReader.fault(path, "offset is " + offset + ", must be >= 0");
    }
    if (length > Long.MAX_VALUE - offset) {
      throw CDataReader.fault(path, "offset + length overflows int64");
    }
    if (nullCount < -1) {
      throw CDataReader.fault(path, "null_count is " + nullCount + ", must be >= -1");
    }
    long[] buffers = buffers(address, schema, path);
    long count = StructKind.ARRAY.childCount(address);
    if (count != schema.children().size()) {
      throw CDataReader.fault(path, "n_children is " + count + ", the schema "
          + CDataReader.describe(schema) + " has " + schema.children().size());
    }
    long childArray = NativeReads.pointer(address + 48);
    List<ArrayNode> children = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long child = TreeGuard.entry(childArray, i, path, "children", count);
      children.add(read(child, schema.children().get(i), path + ".children[" + i + "]"));
    }
    Optional<ArrayNode> dictionary = dictionary(address, schema, path);
    ArrayNode node =
        new ArrayNode(path, schema, length, offset, nullCount, buffers, children, dictionary);
    ArrayValidator.validate(node);
    return node;
  }

  private static long[] buffers(long address, SchemaNode schema, String path) {
    long count = NativeReads.int64(address + N_BUFFERS);
    TypeKind kind = schema.type().kind();
    int fixed = kind.fixedBuffers();
    if (kind.isView() ? count < fixed + 1 : count != fixed) {
      throw CDataReader.fault(path, "n_buffers is " + count + ", format " + CDataReader.describe(schema)
          + " needs " + (kind.isView() ? "at least " + (fixed + 1) : fixed));
    }
    TreeGuard.checkCount(count, path, "n_buffers");
    long bufferArray = NativeReads.pointer(address + BUFFERS);
    long[] buffers = new long[(int) count];
    for (int i = 0; i < count; i++) {
      buffers[i] = TreeGuard.entry(bufferArray, i, path, "buffers", count);
    }
    return buffers;
  }

  private Optional<ArrayNode> dictionary(long address, SchemaNode schema, String path) {
    long dictionary = StructKind.ARRAY.dictionary(address);
    if (schema.dictionary().isEmpty()) {
      if (dictionary != 0) {
        throw CDataReader.fault(path, "has a dictionary but its schema " + schema.path() + " has none");
      }
      return Optional.empty();
    }
    if (dictionary == 0) {
      throw CDataReader.fault(path + ".dictionary", "is NULL but the schema " + schema.path()
          + " has a dictionary");
    }
    return Optional.of(read(dictionary, schema.dictionary().get(), path + ".dictionary"));
  }
}
