package dev.arrowownership.cdata;

import java.util.List;
import java.util.Optional;

/**
 * One {@code ArrowSchema} of a tree read by {@link CDataReader#readSchema}: a Java copy, valid after
 * the struct is released.
 *
 * @param path where the struct sits, e.g. {@code schema.children[2].dictionary}
 * @param format the raw format string
 * @param name the name, null when the struct's {@code name} is NULL
 * @param flags the raw {@code flags} ({@link #NULLABLE}, {@link #DICTIONARY_ORDERED},
 *     {@link #MAP_KEYS_SORTED})
 * @param metadata the metadata pairs in struct order, empty when {@code metadata} is NULL
 * @param type the parsed format; for a dictionary-encoded field, the index type
 * @param children the children in order
 * @param dictionary the dictionary's schema when the field is dictionary-encoded
 */
public record SchemaNode(
    String path,
    String format,
    String name,
    long flags,
    List<MetadataEntry> metadata,
    DataType type,
    List<SchemaNode> children,
    Optional<SchemaNode> dictionary) {
  /** {@code ARROW_FLAG_DICTIONARY_ORDERED}. */
  public static final long DICTIONARY_ORDERED = 1;
  /** {@code ARROW_FLAG_NULLABLE}. */
  public static final long NULLABLE = 2;
  /** {@code ARROW_FLAG_MAP_KEYS_SORTED}. */
  public static final long MAP_KEYS_SORTED = 4;

  public SchemaNode {
    metadata = List.copyOf(metadata);
    children = List.copyOf(children);
  }

  /** True if {@code ARROW_FLAG_NULLABLE} is set. */
  public boolean nullable() {
    return (flags & NULLABLE) != 0;
  }

  /** True if {@code ARROW_FLAG_DICTIONARY_ORDERED} is set. */
  public boolean dictionaryOrdered() {
    return (flags & DICTIONARY_ORDERED) != 0;
  }

  /** True if {@code ARROW_FLAG_MAP_KEYS_SORTED} is set. */
  public boolean mapKeysSorted() {
    return (flags & MAP_KEYS_SORTED) != 0;
  }

  /** The value of {@code ARROW:extension:name}, if the metadata has it. */
  public Optional<String> extensionName() {
    return metadataValue(MetadataEntry.EXTENSION_NAME);
  }

  /** The value of the first metadata pair with this key. */
  public Optional<String> metadataValue(String key) {
    return metadata.stream().filter(e -> e.key().equals(key)).map(MetadataEntry::value).findFirst();
  }
}
