package dev.arrowownership.cdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical SHA-256 of an array (see {@link ArrayNode#digest()}): the schema tree, then the
 * length, then each logical value as {@link ValueWalker} encodes it. Every variable-length item is
 * prefixed with its length and every optional one with a tag, so no two different inputs feed the
 * same bytes.
 */
final class ValueDigest {
  private final MessageDigest sha;

  private ValueDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static String of(ArrayNode node) {
    return of(node, ValueWalker.MAX_VALUE_BYTES);
  }

  /** The digest, refusing any binary or utf8 value longer than {@code maxValueBytes}. */
  static String of(ArrayNode node, long maxValueBytes) {
    ValueDigest digest = new ValueDigest();
    digest.schema(node.schema());
    digest.int64(node.length());
    ValueWalker walker = new ValueWalker(digest, maxValueBytes);
    for (long i = 0; i < node.length(); i++) {
      walker.value(node, i);
    }
    return HexFormat.of().formatHex(digest.sha.digest());
  }

  private void schema(SchemaNode schema) {
    string(schema.format());
    tag(schema.name() != null);
    if (schema.name() != null) {
      string(schema.name());
    }
    int64(schema.flags());
    int64(schema.metadata().size());
    for (MetadataEntry entry : schema.metadata()) {
      bytes(entry.keyBytes());
      bytes(entry.valueBytes());
    }
    int64(schema.children().size());
    schema.children().forEach(this::schema);
    tag(schema.dictionary().isPresent());
    schema.dictionary().ifPresent(this::schema);
  }

  void tag(boolean present) {
    sha.update((byte) (present ? 1 : 0));
  }

  void int64(long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      sha.update((byte) (value >>> shift));
    }
  }

  /** A length-prefixed byte string. */
  void bytes(byte[] bytes) {
    int64(bytes.length);
    sha.update(bytes);
  }

  /** Raw bytes of a fixed width known from the schema. */
  void fixed(byte[] bytes) {
    sha.update(bytes);
  }

  private void string(String value) {
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }
}
