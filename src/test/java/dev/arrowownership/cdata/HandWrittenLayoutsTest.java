package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/** A digest names logical values: slicing, null slots, absent bitmaps and buffer splits do not count. */
class HandWrittenLayoutsTest extends HandWrittenStructs {
  private static final boolean T = true;
  private static final boolean F = false;
  private String digest(long array, long schema) {
    return CDataReader.read(array, schema).digest();
  }

  @Test
  void aSlicedInt32DigestsLikeTheUnslicedSameValues() {
    long schema = c.schema("i");
    String sliced = digest(c.array(3, 1, 2, buffers(c.bits(T, T, T, F, T), c.int32s(8, 9, 1, 99, 3))), schema);
    String plain = digest(c.array(3, 1, 0, buffers(c.bits(T, F, T), c.int32s(1, 7, 3))), schema);
    String other = digest(c.array(3, 1, 0, buffers(c.bits(T, F, T), c.int32s(1, 7, 4))), schema);
    assertThat(sliced).isEqualTo(plain).isNotEqualTo(other);
  }

  @Test
  void anAbsentValidityBufferDigestsLikeAnAllValidOne() {
    long schema = c.schema("i");
    String absent = digest(c.array(2, 0, 0, buffers(0, c.int32s(4, 5))), schema);
    String allValid = digest(c.array(2, 0, 0, buffers(c.bits(T, T), c.int32s(4, 5))), schema);
    String oneNull = digest(c.array(2, 1, 0, buffers(c.bits(T, F), c.int32s(4, 5))), schema);
    assertThat(absent).isEqualTo(allValid).isNotEqualTo(oneNull);
  }

  @Test
  void aSlicedBoolDigestsByItsBitsFromTheOffset() {
    long schema = c.schema("b");
    String sliced = digest(c.array(3, 0, 9, buffers(0, c.bits(F, F, F, F, F, F, F, F, F, T, F, T))), schema);
    String plain = digest(c.array(3, 0, 0, buffers(0, c.bits(T, F, T))), schema);
    String other = digest(c.array(3, 0, 0, buffers(0, c.bits(T, T, T))), schema);
    assertThat(sliced).isEqualTo(plain).isNotEqualTo(other);
  }

  @Test
  void aHandWrittenInt32DigestsLikeArrowJavasExportOfTheSameField() {
    try (IntVector v = new IntVector("v", allocator)) {
      v.allocateNew(2);
      v.set(0, 11);
      v.setNull(1);
      v.setValueCount(2);
      long schema = c.schema("i", "v", SchemaNode.NULLABLE, 0, 0);
      long array = c.array(2, 1, 0, buffers(c.bits(T, F), c.int32s(11, 0)));
      assertThat(digest(array, schema)).isEqualTo(Exported.digest(allocator, v));
    }
  }

  @Test
  void aSlicedUtf8DigestsLikeTheUnslicedSameStrings() {
    long schema = c.schema("u");
    long sliced = c.array(2, 0, 1, buffers(0, c.int32s(0, 2, 5, 6), utf8("xxabcd")));
    long plain = c.array(2, 0, 0, buffers(0, c.int32s(0, 3, 4), utf8("abcd")));
    long other = c.array(2, 0, 0, buffers(0, c.int32s(0, 2, 4), utf8("abcd")));
    assertThat(digest(sliced, schema)).isEqualTo(digest(plain, schema)).isNotEqualTo(digest(other, schema));
  }

  @Test
  void aViewDigestsByItsBytesHoweverTheyAreSplitAcrossVariadicBuffers() {
    long schema = c.schema("vu");
    String first = "a string longer than twelve";
    String second = "another string past the inline size";
    long oneBuffer = utf8(first + second);
    long together = c.array(3, 0, 0, buffers(0, views(new int[][] {{first.length(), 0, 0},
        {second.length(), 0, first.length()}, {3, -1, 0}}, first, second, "abc"), oneBuffer,
        c.int64s(first.length() + second.length())));
    long split = c.array(3, 0, 0, buffers(0, views(new int[][] {{first.length(), 1, 0},
        {second.length(), 0, 0}, {3, -1, 0}}, first, second, "abc"), utf8(second), utf8(first),
        c.int64s(second.length(), first.length())));
    assertThat(digest(together, schema)).isEqualTo(digest(split, schema));
    assertThat(CDataReader.read(split, schema).bufferCount()).isEqualTo(5);
  }

  /** Views of the given strings: {length, buffer index (-1 inline), offset} each. */
  private long views(int[][] views, String... strings) {
    long address = c.zeroed(16L * views.length);
    for (int i = 0; i < views.length; i++) {
      byte[] bytes = strings[i].getBytes(StandardCharsets.UTF_8);
      org.apache.arrow.memory.util.MemoryUtil.putInt(address + 16L * i, views[i][0]);
      org.apache.arrow.memory.util.MemoryUtil.copyToMemory(bytes, 0, address + 16L * i + 4, Math.min(bytes.length, 12));
      if (views[i][1] >= 0) {
        org.apache.arrow.memory.util.MemoryUtil.putInt(address + 16L * i + 8, views[i][1]);
        org.apache.arrow.memory.util.MemoryUtil.putInt(address + 16L * i + 12, views[i][2]);
      }
    }
    return address;
  }

  @Test
  void aSlicedListAndAListViewOutOfOrderDigestLikeThePlainList() {
    long ints = c.array(6, 0, 0, buffers(0, c.int32s(0, 1, 2, 3, 4, 5)));
    long fiveInts = c.array(5, 0, 0, buffers(0, c.int32s(1, 2, 3, 4, 5)));
    String sliced = digest(c.array(2, 0, 1, buffers(0, c.int32s(0, 1, 3, 6)), ints), c.schema("+l", c.schema("i")));
    String plain = digest(c.array(2, 0, 0, buffers(0, c.int32s(0, 2, 5)), fiveInts), c.schema("+l", c.schema("i")));
    assertThat(sliced).isEqualTo(plain);
    long viewSchema = c.schema("+vl", c.schema("i"));
    String reordered = digest(c.array(2, 0, 0, buffers(0, c.int32s(4, 1), c.int32s(2, 3)), ints), viewSchema);
    String inOrder = digest(c.array(2, 0, 0, buffers(0, c.int32s(0, 2), c.int32s(2, 3)), fiveInts), viewSchema);
    String large = digest(c.array(2, 0, 0, buffers(0, c.int64s(0, 2), c.int64s(2, 3)), fiveInts),
        c.schema("+vL", c.schema("i")));
    assertThat(reordered).isNotEqualTo(inOrder);
    assertThat(digest(c.array(2, 0, 0, buffers(0, c.int32s(1, 3), c.int32s(2, 3)), ints), viewSchema))
        .isEqualTo(inOrder);
    assertThat(large).isNotEqualTo(inOrder);
    long largeViewSchema = c.schema("+vL", c.schema("i"));
    assertThat(digest(c.array(2, 0, 0, buffers(0, c.int64s(0, 2), c.int64s(1, 1)), ints), largeViewSchema))
        .isNotEqualTo(digest(c.array(2, 0, 0, buffers(0, c.int64s(0, 0), c.int64s(1, 1)), ints), largeViewSchema));
  }

  @Test
  void aSlicedStructDigestsLikeTheUnslicedSameRows() {
    long schema = c.schema("+s", c.schema("i"), c.schema("b"));
    long sliced = c.array(2, 0, 1, buffers(0), c.array(3, 0, 0, buffers(0, c.int32s(9, 1, 2))),
        c.array(3, 0, 0, buffers(0, c.bits(F, T, F))));
    long plain = c.array(2, 0, 0, buffers(0), c.array(2, 0, 0, buffers(0, c.int32s(1, 2))),
        c.array(2, 0, 0, buffers(0, c.bits(T, F))));
    assertThat(digest(sliced, schema)).isEqualTo(digest(plain, schema));
  }

  @Test
  void aDictionaryEncodedArrayDigestsByItsDecodedValues() {
    long schema = c.schema("c", "f", 2, 0, c.schema("u"));
    long ab = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ab")));
    long ba = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ba")));
    String first = digest(c.withDictionary(3, 0, 0, buffers(0, c.int8s(0, 1, 0)), ab), schema);
    String second = digest(c.withDictionary(3, 0, 0, buffers(0, c.int8s(1, 0, 1)), ba), schema);
    String other = digest(c.withDictionary(3, 0, 0, buffers(0, c.int8s(1, 1, 1)), ba), schema);
    assertThat(first).isEqualTo(second).isNotEqualTo(other);
  }

  @Test
  void aSlicedRunEndEncodedArrayDigestsLikeItsLogicalRuns() {
    long schema = c.schema("+r", c.schema("s"), c.schema("i"));
    String sliced = digest(c.array(3, 0, 1, buffers(), c.array(2, 0, 0, buffers(0, c.int16s(2, 5))),
        c.array(2, 0, 0, buffers(0, c.int32s(7, 8)))), schema);
    String plain = digest(c.array(3, 0, 0, buffers(), c.array(2, 0, 0, buffers(0, c.int16s(1, 3))),
        c.array(2, 0, 0, buffers(0, c.int32s(7, 8)))), schema);
    String other = digest(c.array(3, 0, 0, buffers(), c.array(2, 0, 0, buffers(0, c.int16s(2, 3))),
        c.array(2, 0, 0, buffers(0, c.int32s(7, 8)))), schema);
    assertThat(sliced).isEqualTo(plain).isNotEqualTo(other);
  }

  @Test
  void unionsDigestByTypeIdAndChildValue() {
    long dense = c.schema("+ud:5,7", c.schema("i"), c.schema("i"));
    long ints = c.array(2, 0, 0, buffers(0, c.int32s(1, 2)));
    long more = c.array(1, 0, 0, buffers(0, c.int32s(1)));
    String a = digest(c.array(2, 0, 0, buffers(c.int8s(5, 7), c.int32s(1, 0)), ints, more), dense);
    String sameValuesOtherChild = digest(c.array(2, 0, 0, buffers(c.int8s(5, 5), c.int32s(1, 0)), ints, more), dense);
    String sliced = digest(c.array(2, 0, 1, buffers(c.int8s(5, 5, 7), c.int32s(0, 1, 0)), ints, more), dense);
    assertThat(a).isNotEqualTo(sameValuesOtherChild).isEqualTo(sliced);
    long sparse = c.schema("+us:1,0", c.schema("i"), c.schema("i"));
    long twin = c.array(2, 0, 0, buffers(0, c.int32s(1, 2)));
    String s1 = digest(c.array(2, 0, 0, buffers(c.int8s(1, 0)), ints, twin), sparse);
    String s2 = digest(c.array(2, 0, 0, buffers(c.int8s(0, 1)), ints, twin), sparse);
    assertThat(s1).isNotEqualTo(s2);
  }

  @Test
  void narrowDecimalsAndADictionaryInsideAListReadAndDigest() {
    long decimal32 = c.schema("d:9,2,32");
    assertThat(CDataReader.read(c.array(2, 0, 0, buffers(0, c.int32s(5, 6))), decimal32).schema().type().kind())
        .isEqualTo(TypeKind.DECIMAL32);
    assertThat(digest(c.array(1, 0, 1, buffers(0, c.int32s(5, 6))), decimal32))
        .isEqualTo(digest(c.array(1, 0, 0, buffers(0, c.int32s(6))), decimal32))
        .isNotEqualTo(digest(c.array(1, 0, 0, buffers(0, c.int64s(6))), c.schema("d:18,2,64")));
    long schema = c.schema("+l", c.schema("C", "e", 2, 0, c.schema("u")));
    long ab = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ab")));
    long ba = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ba")));
    String first = digest(c.array(1, 0, 0, buffers(0, c.int32s(0, 2)),
        c.withDictionary(2, 0, 0, buffers(0, c.int8s(1, 0)), ab)), schema);
    String second = digest(c.array(1, 0, 0, buffers(0, c.int32s(0, 2)),
        c.withDictionary(2, 0, 0, buffers(0, c.int8s(0, 1)), ba)), schema);
    assertThat(first).isEqualTo(second);
    assertThat(CDataReader.read(c.array(1, 0, 0, buffers(0, c.int32s(0, 2)),
        c.withDictionary(2, 0, 0, buffers(0, c.int8s(0, 1)), ba)), schema).children().get(0).dictionary()
        .orElseThrow().path()).isEqualTo("array.children[0].dictionary");
  }

  @Test
  void theSchemaCountsInTheDigest() {
    long data = c.int32s(1, 2);
    long array = c.array(2, 0, 0, buffers(0, data));
    String plain = digest(array, c.schema("i", "f", 2, 0, 0));
    assertThat(digest(array, c.schema("I", "f", 2, 0, 0))).isNotEqualTo(plain);
    assertThat(digest(array, c.schema("i", "g", 2, 0, 0))).isNotEqualTo(plain);
    assertThat(digest(array, c.schema("i", null, 2, 0, 0))).isNotEqualTo(plain)
        .isNotEqualTo(digest(array, c.schema("i", "", 2, 0, 0)));
    assertThat(digest(array, c.schema("i", "f", 0, 0, 0))).isNotEqualTo(plain);
    assertThat(digest(array, c.schema("i", "f", 2, c.metadata("k", "v"), 0))).isNotEqualTo(plain);
    assertThat(digest(array, c.schema("i", "f", 2, c.metadata("k", "w"), 0)))
        .isNotEqualTo(digest(array, c.schema("i", "f", 2, c.metadata("k", "v"), 0)));
  }

  private long utf8(String text) {
    return c.bytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
