package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/** Values exactly at a limit are accepted; one past it is refused. */
class LimitsTest extends HandWrittenStructs {
  @Test
  void offsetPlusLengthMayReachInt64Max() {
    assertThat(CDataReader.read(c.array(Long.MAX_VALUE - 1, 0, 1, buffers(0, c.int32s(0))), c.schema("i"))
        .length()).isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void aFixedSizeListOfSizeZeroOrAtTheOverflowEdgeIsCheckedByItsChildLength() {
    CDataReader.read(c.array(3, 0, 0, buffers(0), c.array(0, 0, 0, buffers(0, 0))), c.schema("+w:0", c.schema("i")));
    long edge = Long.MAX_VALUE / Integer.MAX_VALUE;
    refused(c.array(edge, 0, 0, buffers(0), c.array(1, 0, 0, buffers(0, c.int32s(1)))),
        c.schema("+w:2147483647", c.schema("i")), "array.children[0]: length is 1, but (offset + length) * "
            + "2147483647 of its parent '+w:2147483647' (fixed-size list) needs at least " + edge * Integer.MAX_VALUE);
  }

  @Test
  void runEndsOfInt16MayReachInt16Max() {
    long values = c.array(1, 0, 0, buffers(0, c.int32s(7)));
    CDataReader.read(c.array(Short.MAX_VALUE, 0, 0, buffers(), c.array(1, 0, 0, buffers(0, c.int16s(Short.MAX_VALUE))),
        values), c.schema("+r", c.schema("s"), c.schema("i")));
    long values2 = c.array(2, 0, 0, buffers(0, c.int32s(7, 8)));
    refused(c.array(3, 0, 0, buffers(), c.array(2, 0, 0, buffers(0, c.int64s(1, 2))), values2),
        c.schema("+r", c.schema("l"), c.schema("i")), "array.children[0]: last run end is 2, must be >= offset + length 3");
  }

  @Test
  void schemasNestMax64DeepThroughDictionariesToo() {
    CDataReader.readSchema(dictionaries(TreeGuard.MAX_DEPTH));
    long tooDeep = dictionaries(TreeGuard.MAX_DEPTH + 1);
    assertThatThrownBy(() -> CDataReader.readSchema(tooDeep))
        .hasMessage("schema" + ".dictionary".repeat(TreeGuard.MAX_DEPTH + 1) + ": nests deeper than 64 levels");
  }

  /** {@code levels} int32 index schemas, each the dictionary of the one before, over a utf8. */
  private long dictionaries(int levels) {
    long schema = c.schema("u");
    for (int i = 0; i < levels; i++) {
      schema = c.schema("i", "f", 2, 0, schema);
    }
    return schema;
  }

  @Test
  void metadataMayHaveNoPairsOrExactlyTheLimits() {
    assertThat(CDataReader.readSchema(c.schema("i", "f", 2, c.int32s(0), 0)).metadata()).isEmpty();
    long manyPairs = c.zeroed(4 + 8L * MetadataReader.MAX_PAIRS);
    MemoryUtil.putInt(manyPairs, MetadataReader.MAX_PAIRS);
    assertThat(CDataReader.readSchema(c.schema("i", "f", 2, manyPairs, 0)).metadata()).hasSize(MetadataReader.MAX_PAIRS);
    long longValue = c.zeroed(12L + MetadataReader.MAX_LENGTH);
    MemoryUtil.putInt(longValue, 1);
    MemoryUtil.putInt(longValue + 8, MetadataReader.MAX_LENGTH);
    assertThat(CDataReader.readSchema(c.schema("i", "f", 2, longValue, 0)).metadata().get(0).valueBytes())
        .hasSize(MetadataReader.MAX_LENGTH);
  }

  @Test
  void aViewArrayMayHaveExactlyTheBufferLimit() {
    long[] buffers = new long[(int) TreeGuard.MAX_CHILDREN];
    buffers[buffers.length - 1] = c.zeroed(8L * (buffers.length - 3));
    long array = c.array(0, 0, 0, buffers);
    assertThat(CDataReader.read(array, c.schema("vz")).bufferCount()).isEqualTo(TreeGuard.MAX_CHILDREN);
  }

  @Test
  void aValueFarIntoItsDataBufferIsLimitedByItsOwnSizeOnly() {
    long start = ValueWalker.MAX_VALUE_BYTES;
    long text = c.bytes("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // the data pointer lies start bytes before "abc", so offset start reads it: only the value is read
    long far = c.array(1, 0, 0, buffers(0, c.int64s(start, start + 3), text - start));
    long near = c.array(1, 0, 0, buffers(0, c.int64s(0, 3), text));
    assertThat(CDataReader.read(far, c.schema("U")).digest()).isEqualTo(CDataReader.read(near, c.schema("U")).digest());
  }

  /** A utf8 value exactly as long as the walker's value cap is read into the digest. */
  @Test
  void aValueOfExactlyTheValueCapIsRead() {
    ArrayNode node = utf8("abc");
    assertThat(ValueDigest.of(node, 3)).isEqualTo(node.digest());
  }

  /** A utf8 value one byte longer than the walker's value cap is refused, naming its length and the cap. */
  @Test
  void aValueOneByteOverTheValueCapIsRefused() {
    assertThatThrownBy(() -> ValueDigest.of(utf8("abcd"), 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("array.buffers[1]: value 0 is 4 bytes, more than 3");
  }

  private ArrayNode utf8(String value) {
    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return CDataReader.read(c.array(1, 0, 0, buffers(0, c.int32s(0, bytes.length), c.bytes(bytes))), c.schema("u"));
  }

  @Test
  void aDigestIsReadOnceAndKept() {
    long data = c.int32s(1, 2);
    ArrayNode node = CDataReader.read(c.array(2, 0, 0, buffers(0, data)), c.schema("i"));
    String before = node.digest();
    MemoryUtil.putInt(data, 5);
    assertThat(node.digest()).isEqualTo(before);
    assertThat(CDataReader.read(c.array(2, 0, 0, buffers(0, data)), c.schema("i")).digest()).isNotEqualTo(before);
  }
}
