package dev.arrowownership.generate;

/**
 * The shapes and type details a generated batch can exercise besides its type families: what
 * {@link LayoutCoverage} counts beside each {@link dev.arrowownership.cdata.TypeKind}.
 */
public enum LayoutFeature {
  /** The top-level array is not a struct (not a record batch). */
  TOP_LEVEL_NOT_STRUCT,
  /** The top-level array has length 0. */
  ZERO_LENGTH,
  /** Some array has {@code offset > 0}. */
  SLICED,
  /** Some nullable array of a layout with validity has no validity buffer (NULL) and values. */
  NO_VALIDITY_BUFFER,
  /** Some array with validity has values and every one of them null. */
  ALL_NULL,
  /** The schema nests at least four levels below its top (depth >= 5 nodes). */
  NESTED_FOUR_DEEP,
  /** A dictionary with a signed index type. */
  DICTIONARY_SIGNED_INDEX,
  /** A dictionary with an unsigned index type. */
  DICTIONARY_UNSIGNED_INDEX,
  /** A dictionary whose values are of a nested type. */
  DICTIONARY_OF_NESTED_TYPE,
  /** A dictionary-encoded field below a list, list-view or fixed-size list. */
  DICTIONARY_IN_LIST,
  /** An extension type ({@code ARROW:extension:name} in a field's metadata). */
  EXTENSION_TYPE,
  /** Field metadata that is not an extension type. */
  FIELD_METADATA,
  /** Two sibling fields with the same name. */
  DUPLICATE_FIELD_NAMES,
  /** A timestamp with a time zone. */
  TIMESTAMP_WITH_ZONE,
  /** A timestamp without a time zone. */
  TIMESTAMP_WITHOUT_ZONE,
  /** A binary or utf8 view value held inline (12 bytes or fewer). */
  VIEW_INLINE_VALUE,
  /** A binary or utf8 view value in a variadic buffer. */
  VIEW_OUT_OF_LINE_VALUE,
  /** A map with {@code ARROW_FLAG_MAP_KEYS_SORTED}. */
  MAP_KEYS_SORTED,
  /** A map without {@code ARROW_FLAG_MAP_KEYS_SORTED}. */
  MAP_KEYS_UNSORTED
}
