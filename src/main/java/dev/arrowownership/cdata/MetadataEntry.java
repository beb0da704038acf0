package dev.arrowownership.cdata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key/value pair of an {@code ArrowSchema}'s metadata (spec: "Metadata"): raw bytes, as the
 * spec does not require either to be UTF-8 ({@code ARROW:extension:metadata} is often binary).
 */
public final class MetadataEntry {
  /** The key naming an extension type. */
  public static final String EXTENSION_NAME = "ARROW:extension:name";
  /** The key of an extension type's serialized parameters. */
  public static final String EXTENSION_METADATA = "ARROW:extension:metadata";

  private final byte[] key;
  private final byte[] value;

  /** A pair of the given bytes (copied). */
  public MetadataEntry(byte[] key, byte[] value) {
    this.key = key.clone();
    this.value = value.clone();
  }

  /** A pair of two UTF-8 strings. */
  public static MetadataEntry of(String key, String value) {
    return new MetadataEntry(
        key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  /** The key decoded as UTF-8. */
  public String key() {
    return new String(key, StandardCharsets.UTF_8);
  }

  /** The value decoded as UTF-8 (lossy if the value is binary: see {@link #valueBytes()}). */
  public String value() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** A copy of the key's bytes. */
  public byte[] keyBytes() {
    return key.clone();
  }

  /** A copy of the value's bytes. */
  public byte[] valueBytes() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetadataEntry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return key() + "=" + value();
  }
}
