package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The digest is the SHA-256 of the encoding {@link ValueDigest} documents, spelled out byte by byte
 * in {@link DigestEncoding}: the schema tree (format, a name tag and name, flags, metadata, children,
 * a dictionary tag and dictionary), then the length, then the values.
 */
class ValueDigestTest extends HandWrittenStructs {
  private static final boolean T = true;
  private static final boolean F = false;

  private static String digest(long array, long schema) {
    return CDataReader.read(array, schema).digest();
  }

  @Test
  void aNamedInt32WithMetadataAndANullIsItsSchemaLengthAndTaggedLittleEndianValues() {
    long schema = c.schema("i", "n", 2, c.metadata("k", "v"), 0);
    long array = c.array(2, 1, 0, buffers(c.bits(T, F), c.int32s(0x0102_0304, 7)));
    String expected = new DigestEncoding()
        .string("i").tag(true).string("n").int64(2)
        .int64(1).string("k").string("v")
        .int64(0).tag(false)
        .int64(2)
        .tag(true).raw(4, 3, 2, 1)
        .tag(false)
        .sha256();
    assertThat(digest(array, schema)).isEqualTo(expected);
  }

  @Test
  void aLengthOverAByteIsEightBigEndianBytes() {
    long schema = c.schema("n");
    long array = c.array(0x0102, 0x0102, 0, buffers());
    DigestEncoding expected = new DigestEncoding().leaf("n").int64(0x0102);
    for (int i = 0; i < 0x0102; i++) {
      expected.tag(false);
    }
    assertThat(digest(array, schema)).isEqualTo(expected.sha256());
  }

  @Test
  void aDictionarySchemaIsItsTagThenTheDictionarysSchema() {
    long schema = c.schema("c", null, 0, 0, c.schema("i"));
    long array = c.withDictionary(1, 1, 0, buffers(c.bits(F), c.int8s(0)), c.array(0, 0, 0, buffers(0, 0)));
    String expected = new DigestEncoding()
        .string("c").tag(false).int64(0).int64(0).int64(0)
        .tag(true).leaf("i")
        .int64(1)
        .tag(false)
        .sha256();
    assertThat(digest(array, schema)).isEqualTo(expected);
  }
}
