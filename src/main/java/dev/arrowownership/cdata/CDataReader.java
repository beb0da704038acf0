package dev.arrowownership.cdata;

/**
 * Reads C Data Interface structs straight from native memory, without Arrow Java's importer: it
 * walks an {@code ArrowSchema} or an {@code ArrowArray} tree (spec: "The C Data Interface", LP64
 * layout of {@link StructKind}), parses each format string ({@link FormatParser}), checks each array's
 * structure as nanoarrow's {@code ArrowArrayViewValidate} does at its default level, and gives Java
 * copies ({@link SchemaNode}, {@link ArrayNode}) whose {@link ArrayNode#digest()} names the logical
 * values.
 *
 * <p>It only reads: nothing is released, moved or written. A bad struct gives an
 * {@link IllegalArgumentException} whose message starts with the path of the offending field ({@code
 * schema.children[2].dictionary: is NULL}, {@code array: n_buffers is 2, format 'u' (utf8) needs 3}).
 * Pointers that are not NULL are trusted to point at readable memory of the right kind: a dangling
 * pointer can still crash the JVM, as it would crash any C consumer.
 */
public final class CDataReader {
  private CDataReader() {}

  /**
   * Reads and validates the schema tree at the address.
   *
   * @param schemaAddress the address of a live {@code struct ArrowSchema}
   * @return the tree, rooted at path {@code schema}
   * @throws IllegalArgumentException naming the path and the fault: NULL or released structs,
   *     unknown or malformed formats, child counts the type does not allow, corrupt metadata, cycles,
   *     nesting deeper than 64
   */
  public static SchemaNode readSchema(long schemaAddress) {
    return new SchemaReader().read(schemaAddress, "schema", 0);
  }

  /**
   * Reads and validates the array tree at {@code arrayAddress} against the schema at {@code
   * schemaAddress}. The array's buffers are not copied: {@link ArrayNode#digest()} reads them, so call
   * it while the array is live.
   *
   * @param arrayAddress the address of a live {@code struct ArrowArray}
   * @param schemaAddress the address of the live {@code struct ArrowSchema} describing it
   * @return the tree, rooted at path {@code array}
   * @throws IllegalArgumentException naming the path and the fault (see {@link #readSchema} for the
   *     schema's; for the array's, {@link ArrayReader} and {@link ArrayValidator})
   */
  public static ArrayNode read(long arrayAddress, long schemaAddress) {
    SchemaNode schema = readSchema(schemaAddress);
    return new ArrayReader().read(arrayAddress, schema, "array");
  }

  static IllegalArgumentException fault(String path, String what) {
    return new IllegalArgumentException(path + ": " + what);
  }

  /** A format as messages quote it: {@code 'u' (utf8)}. */
  static String describe(String format, DataType type) {
    return "'" + format + "' (" + type.kind().label() + ")";
  }

  static String describe(SchemaNode schema) {
    return describe(schema.format(), schema.type());
  }
}
