package dev.arrowownership.cdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an {@code ArrowSchema}'s {@code metadata} (spec: "Metadata"): an int32 pair count, then for
 * each pair an int32 key length, the key bytes, an int32 value length and the value bytes, in native
 * endianness, without terminators. Negative or implausibly large counts and lengths are refused.
 */
final class MetadataReader {
  /** Most pairs read; more is taken as a corrupt count. */
  static final int MAX_PAIRS = 1 << 16;
  /** Longest key or value read (16 MiB); longer is taken as a corrupt length. */
  static final int MAX_LENGTH = 1 << 24;

  private MetadataReader() {}

  /** The pairs at {@code address} in order, empty when it is 0 (NULL). */
  static List<MetadataEntry> read(long address, String path) {
    List<MetadataEntry> entries = new ArrayList<>();
    if (address != 0) {
      readPairs(address, path, entries);
    }
    return entries;
  }

  private static void readPairs(long address, String path, List<MetadataEntry> entries) {
    int pairs = NativeReads.int32(address);
    if (pairs < 0 || pairs > MAX_PAIRS) {
      throw CDataReader.fault(path, "pair count is " + pairs + ", not in 0.." + MAX_PAIRS);
    }
    long at = address + 4;
    for (int i = 0; i < pairs; i++) {
      byte[] key = field(at, path, "key", i);
      at += 4 + key.length;
      byte[] value = field(at, path, "value", i);
      at += 4 + value.length;
      entries.add(new MetadataEntry(key, value));
    }
  }

  private static byte[] field(long at, String path, String what, int pair) {
    int length = NativeReads.int32(at);
    if (length < 0 || length > MAX_LENGTH) {
      throw CDataReader.fault(path, what + " " + pair + " has length " + length + ", not in 0.." + MAX_LENGTH);
    }
    return NativeReads.bytes(at + 4, length);
  }
}
