package dev.arrowownership.generate;

import dev.arrowownership.cdata.DataType;
import dev.arrowownership.cdata.FormatParser;
import dev.arrowownership.cdata.MetadataEntry;
import dev.arrowownership.cdata.SchemaNode;
import dev.arrowownership.cdata.TypeKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One field of a generated schema, immutable: its C Data format string, name, flags, metadata,
 * children and, for a dictionary-encoded field, the dictionary's field (the format is then the index
 * type's). It prints itself in format-string notation, each node's format followed by its
 * dictionary in braces and its children in angle brackets: {@code +s<i,+l<u>,c{+l<u>}>}.
 *
 * @param format the node's C Data format string (parsed by the kit's own {@link FormatParser})
 * @param name the field's name (never NULL here; may repeat among siblings)
 * @param flags {@link SchemaNode#NULLABLE}, {@link SchemaNode#DICTIONARY_ORDERED}, {@link
 *     SchemaNode#MAP_KEYS_SORTED}
 * @param metadata the field's metadata pairs in order (an extension type is two of them)
 * @param children the child fields in order
 * @param dictionary the dictionary's field when this one is dictionary-encoded
 */
public record ArrowLayout(String format, String name, long flags, List<MetadataEntry> metadata,
    List<ArrowLayout> children, Optional<ArrowLayout> dictionary) {

  public ArrowLayout {
    FormatParser.parse(format); // refuses a format the kit could not read back
    metadata = List.copyOf(metadata);
    children = List.copyOf(children);
  }

  /** A nullable field without metadata, children or dictionary. */
  public static ArrowLayout leaf(String format, String name) {
    return new ArrowLayout(format, name, SchemaNode.NULLABLE, List.of(), List.of(), Optional.empty());
  }

  /** A nullable field of {@code format} over {@code children}. */
  public static ArrowLayout nested(String format, String name, List<ArrowLayout> children) {
    return new ArrowLayout(format, name, SchemaNode.NULLABLE, List.of(), children, Optional.empty());
  }

  /** The parsed format. */
  public DataType type() {
    return FormatParser.parse(format);
  }

  /** The type family of this node (for a dictionary-encoded field, its index type's). */
  public TypeKind kind() {
    return type().kind();
  }

  /** True if {@code ARROW_FLAG_NULLABLE} is set. */
  public boolean nullable() {
    return (flags & SchemaNode.NULLABLE) != 0;
  }

  /** This field renamed. */
  public ArrowLayout named(String newName) {
    return new ArrowLayout(format, newName, flags, metadata, children, dictionary);
  }

  /** This field with {@code ARROW_FLAG_NULLABLE} set or cleared. */
  public ArrowLayout nullable(boolean nullable) {
    long others = flags & ~SchemaNode.NULLABLE;
    return new ArrowLayout(format, name, nullable ? others | SchemaNode.NULLABLE : others, metadata, children,
        dictionary);
  }

  /** This field with {@code extra} flags set besides its own. */
  public ArrowLayout withFlags(long extra) {
    return new ArrowLayout(format, name, flags | extra, metadata, children, dictionary);
  }

  /** This field with these metadata pairs instead of its own. */
  public ArrowLayout withMetadata(List<MetadataEntry> pairs) {
    return new ArrowLayout(format, name, flags, pairs, children, dictionary);
  }

  /** This field's values dictionary-encoded: the field becomes {@code indexFormat} with this one as its dictionary. */
  public ArrowLayout encodedBy(String indexFormat) {
    if (!FormatParser.parse(indexFormat).kind().isInteger()) {
      throw new IllegalArgumentException("a dictionary index must be an integer type, was '" + indexFormat + "'");
    }
    return new ArrowLayout(indexFormat, name, flags, List.of(), List.of(), Optional.of(named("dictionary")));
  }

  /** The longest path from this node to a leaf, counting nodes: 1 for a leaf (dictionaries included). */
  public int depth() {
    int below = children.stream().mapToInt(ArrowLayout::depth).max().orElse(0);
    return 1 + Math.max(below, dictionary.map(ArrowLayout::depth).orElse(0));
  }

  /** The number of nodes in this tree, dictionaries included. */
  public int size() {
    return 1 + children.stream().mapToInt(ArrowLayout::size).sum() + dictionary.map(ArrowLayout::size).orElse(0);
  }

  /** True if this field carries an {@code ARROW:extension:name}. */
  public boolean isExtension() {
    return metadata.stream().anyMatch(e -> e.key().equals(MetadataEntry.EXTENSION_NAME));
  }

  /** The format-string notation of the tree, e.g. {@code +l<+ud:0,1<i,u>>}; extension types end in {@code #ext}, other metadata in {@code #meta}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(format);
    dictionary.ifPresent(d -> text.append('{').append(d).append('}'));
    if (!children.isEmpty()) {
      text.append(children.stream().map(ArrowLayout::toString).collect(Collectors.joining(",", "<", ">")));
    }
    if (isExtension()) {
      text.append("#ext");
    } else if (!metadata.isEmpty()) {
      text.append("#meta");
    }
    return text.toString();
  }
}
