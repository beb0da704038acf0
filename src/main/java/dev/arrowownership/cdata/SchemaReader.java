package dev.arrowownership.cdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code ArrowSchema} tree into {@link SchemaNode}s and checks it as nanoarrow's
 * {@code ArrowSchemaViewInit} does: a parsable format, the child count the type needs (one for lists
 * and maps, two for run-end encoded, one per type id for unions, none for leaves), a map's entries
 * struct of two children, run ends of int16/32/64, and an integer index type under a dictionary.
 */
final class SchemaReader {
  private static final int NAME = 8;
  private static final int METADATA = 16;
  private static final int FLAGS = 24;
  private static final int CHILDREN = 40;

  private final TreeGuard guard = new TreeGuard(StructKind.SCHEMA);

  SchemaNode read(long address, String path, int depth) {
    guard.enter(address, path);
    if (depth > TreeGuard.MAX_DEPTH) {
      throw CDataReader.fault(path, "nests deeper than " + TreeGuard.MAX_DEPTH + " levels");
    }
    // format is the struct's first field
    String format = NativeReads.cString(NativeReads.pointer(address), path + ".format");
    if (format == null) {
      throw CDataReader.fault(path + ".format", "is NULL");
    }
    DataType type;
    try {
      type = FormatParser.parse(format);
    } catch (IllegalArgumentException e) {
      throw CDataReader.fault(path + ".format", e.getMessage());
    }
    String name = NativeReads.cString(NativeReads.pointer(address + NAME), path + ".name");
    List<MetadataEntry> metadata =
        MetadataReader.read(NativeReads.pointer(address + METADATA), path + ".metadata");
    long flags = NativeReads.int64(address + FLAGS);
    long count = StructKind.SCHEMA.childCount(address);
    TreeGuard.checkCount(count, path, "n_children");
    checkChildCount(type, format, count, path);
    long childArray = NativeReads.pointer(address + CHILDREN);
    List<SchemaNode> children = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long child = TreeGuard.entry(childArray, i, path, "children", count);
      children.add(read(child, path + ".children[" + i + "]", depth + 1));
    }
    long dictionaryAddress = StructKind.SCHEMA.dictionary(address);
    Optional<SchemaNode> dictionary = Optional.empty();
    if (dictionaryAddress != 0) {
      if (!type.kind().isInteger()) {
        throw CDataReader.fault(path, "has a dictionary but format " + CDataReader.describe(format, type)
            + " is not an integer index type");
      }
      dictionary = Optional.of(read(dictionaryAddress, path + ".dictionary", depth + 1));
    }
    SchemaNode node = new SchemaNode(path, format, name, flags, metadata, type, children, dictionary);
    checkNested(node);
    return node;
  }

  private static void checkChildCount(DataType type, String format, long count, String path) {
    long needed = switch (type.kind()) {
      case LIST, LARGE_LIST, LIST_VIEW, LARGE_LIST_VIEW, FIXED_SIZE_LIST, MAP -> 1;
      case RUN_END_ENCODED -> 2;
      case SPARSE_UNION, DENSE_UNION -> type.typeIds().size();
      case STRUCT -> count;
      default -> 0;
    };
    if (count != needed) {
      throw CDataReader.fault(path, "n_children is " + count + ", format "
          + CDataReader.describe(format, type) + " needs " + needed);
    }
  }

  private static void checkNested(SchemaNode node) {
    TypeKind kind = node.type().kind();
    if (kind == TypeKind.MAP) {
      SchemaNode entries = node.children().get(0);
      if (!entries.format().equals("+s") || entries.children().size() != 2) {
        throw CDataReader.fault(entries.path(), "a map's entries must be a struct '+s' of 2 children,"
            + " found format '" + entries.format() + "' with " + entries.children().size());
      }
      if (entries.nullable() || entries.children().get(0).nullable()) {
        String where = entries.nullable() ? entries.path() : entries.children().get(0).path();
        throw CDataReader.fault(where, "a map's entries and keys must not be nullable");
      }
    } else if (kind == TypeKind.RUN_END_ENCODED) {
      SchemaNode runEnds = node.children().get(0);
      TypeKind ends = runEnds.type().kind();
      if (ends != TypeKind.INT16 && ends != TypeKind.INT32 && ends != TypeKind.INT64
          || runEnds.dictionary().isPresent()) {
        throw CDataReader.fault(runEnds.path(), "run ends must be int16, int32 or int64, found format '"
            + runEnds.format() + "'");
      }
    }
  }
}
