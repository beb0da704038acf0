package dev.arrowownership.cdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest's documented encoding, written independently of {@link ValueDigest} so that a test can
 * spell out the bytes it expects: integers are 8 bytes, big-endian; strings and byte strings are
 * prefixed with their length; an optional item is a tag byte, 1 present or 0 absent.
 */
final class DigestEncoding {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Eight bytes, most significant first. */
  DigestEncoding int64(long value) {
    for (int i = 7; i >= 0; i--) {
      bytes.write((int) (value >> (8 * i)));
    }
    return this;
  }

  DigestEncoding tag(boolean present) {
    bytes.write(present ? 1 : 0);
    return this;
  }

  DigestEncoding string(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int64(utf8.length);
    bytes.writeBytes(utf8);
    return this;
  }

  /** Bytes as the value holds them, e.g. a little-endian int32. */
  DigestEncoding raw(int... values) {
    for (int value : values) {
      bytes.write(value);
    }
    return this;
  }

  /** A nullable field named "f" with no metadata, children or dictionary ({@link CStructs#schema(String, long...)}). */
  DigestEncoding leaf(String format) {
    return string(format).tag(true).string("f").int64(2).int64(0).int64(0).tag(false);
  }

  /** The SHA-256 of the bytes so far, as lower-case hex like {@code ArrayNode.digest()}. */
  String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
