package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Run-end checks at read(), and the per-value checks digest() makes before each read: indices that
 * point outside what they index are refused with the path, never followed.
 */
class MalformedValuesTest extends HandWrittenStructs {
  private void digestRefused(long array, long schema, String message) {
    ArrayNode node = CDataReader.read(array, schema);
    assertThatThrownBy(node::digest).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  private long ree(String endsFormat, long length, long offset, long ends, long values) {
    return c.array(length, 0, offset, buffers(), ends, values);
  }

  private long ints(long length, int... values) {
    return c.array(length, 0, 0, buffers(0, c.int32s(values)));
  }

  @Test
  void runEndEncodedArraysAreCheckedAsNanoarrowsDefaultLevelDoes() {
    long int16 = c.schema("+r", c.schema("s"), c.schema("i"));
    long int32 = c.schema("+r", c.schema("i"), c.schema("i"));
    long int64 = c.schema("+r", c.schema("l"), c.schema("i"));
    refused(ree("s", 40000, 0, c.array(1, 0, 0, buffers(0, c.int16s(30000))), ints(1, 7)), int16,
        "array: offset + length is 40000, beyond run ends of 's' (int16)");
    refused(ree("i", 1L << 31, 0, ints(1, 1), ints(1, 7)), int32,
        "array: offset + length is 2147483648, beyond run ends of 'i' (int32)");
    refused(ree("i", 1, 0, ints(2, 1, 2), ints(1, 7)), int32,
        "array.children[0]: length is 2, more than the values' 1");
    refused(ree("i", 0, 0, ints(0), ints(1, 7)), int32, "array.children[0]: length is 0 but the values' is 1");
    refused(ree("i", 1, 0, c.array(1, 1, 0, buffers(c.bits(false), c.int32s(1))), ints(1, 7)), int32,
        "array.children[0]: null_count is 1, must be 0");
    refused(ree("l", 1, 0, c.array(1, 0, 0, buffers(0, c.int64s(0))), ints(1, 7)), int64,
        "array.children[0]: first run end is 0, must be >= 1");
    refused(ree("i", 2, 1, ints(2, 1, 2), ints(2, 7, 8)), int32,
        "array.children[0]: last run end is 2, must be >= offset + length 3");
    CDataReader.read(ree("i", 0, 0, ints(0), ints(0)), int32);
    CDataReader.read(ree("i", 3, 0, ints(2, 1, 3), ints(2, 7, 8)), int32);
    assertThat(CDataReader.read(ree("l", 3, 0, c.array(1, 0, 0, buffers(0, c.int64s(3))), ints(1, 7)), int64)
        .digest()).isNotEqualTo(CDataReader.read(ree("i", 3, 0, ints(1, 3), ints(1, 7)), int32).digest());
    digestRefused(ree("i", 3, 0, ints(3, 2, 2, 3), ints(3, 7, 8, 9)), int32,
        "array.children[0]: run end 1 is 2, not greater than run end 0 (2)");
  }

  @Test
  void offsetsThatLeaveTheirRangeInTheMiddleAreRefusedByTheDigest() {
    digestRefused(c.array(3, 0, 0, buffers(0, c.int32s(0, 3, 1, 4), utf8("abcd"))), c.schema("u"),
        "array.buffers[1]: offsets 3..1 of value 1 are not an ordered range within 0..4");
    digestRefused(c.array(2, 0, 0, buffers(0, c.int32s(0, 5, 2)), ints(3, 1, 2, 3)), c.schema("+l", c.schema("i")),
        "array.buffers[1]: offsets 0..5 of value 0 are not an ordered range within 0..3");
    digestRefused(c.array(2, 0, 0, buffers(0, c.int64s(0, 5, 2)), ints(3, 1, 2, 3)), c.schema("+L", c.schema("i")),
        "array.buffers[1]: offsets 0..5 of value 0 are not an ordered range within 0..3");
  }

  @Test
  void anInnerListsOffsetsAreCheckedWhereTheOuterListReachesThem() {
    long inner = c.array(2, 0, 0, buffers(0, c.int32s(0, -5, 3)), ints(3, 1, 2, 3));
    digestRefused(c.array(1, 0, 0, buffers(0, c.int32s(1, 2)), inner), c.schema("+l", c.schema("+l", c.schema("i"))),
        "array.children[0].buffers[1]: offsets -5..3 of value 1 are not an ordered range within 0..3");
    digestRefused(c.array(2, 0, 0, buffers(0, c.int64s(0, 1, 1 + (1L << 31)), utf8("a"))), c.schema("Z"),
        "array.buffers[1]: value 1 is 2147483648 bytes, more than 1073741824");
  }

  @Test
  void listViewRangesMustLieInTheChild() {
    long schema = c.schema("+vl", c.schema("i"));
    long child = ints(4, 1, 2, 3, 4);
    digestRefused(c.array(1, 0, 0, buffers(0, c.int32s(2), c.int32s(3)), child), schema,
        "array.buffers[1]: value 0 has offset 2 and size 3, outside the child's length 4");
    digestRefused(c.array(1, 0, 0, buffers(0, c.int32s(-1), c.int32s(1)), ints(4, 1, 2, 3, 4)), schema,
        "array.buffers[1]: value 0 has offset -1 and size 1, outside the child's length 4");
    digestRefused(c.array(1, 0, 0, buffers(0, c.int32s(1), c.int32s(-1)), ints(4, 1, 2, 3, 4)), schema,
        "array.buffers[1]: value 0 has offset 1 and size -1, outside the child's length 4");
    CDataReader.read(c.array(1, 0, 0, buffers(0, c.int64s(1), c.int64s(3)), ints(4, 1, 2, 3, 4)),
        c.schema("+vL", c.schema("i"))).digest();
  }

  @Test
  void unionTypeIdsAndDenseOffsetsMustSelectExistingValues() {
    long dense = c.schema("+ud:0,1", c.schema("i"), c.schema("i"));
    digestRefused(c.array(1, 0, 0, buffers(c.int8s(1), c.int32s(5)), ints(1, 1), ints(1, 1)), dense,
        "array: dense union offset 5 is outside 0..0");
    digestRefused(c.array(1, 0, 0, buffers(c.int8s(0), c.int32s(-1)), ints(1, 1), ints(1, 1)), dense,
        "array: dense union offset -1 is outside 0..0");
    digestRefused(c.array(1, 0, 0, buffers(c.int8s(3), c.int32s(0)), ints(1, 1), ints(1, 1)), dense,
        "array.buffers[0]: type id 3 of slot 0 is not one of the format's [0, 1]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"c,-1", "C,255", "s,-1", "S,65535", "i,-1", "I,4294967295", "l,-1", "L,-1"})
  void dictionaryIndicesAreReadAtTheirWidthAndSignAndMustLieInTheDictionary(String format, String allOnes) {
    long dictionary = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ab")));
    long swapped = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ba")));
    long schema = c.schema(format, "f", 2, 0, c.schema("u"));
    long ones = c.int64s(-1, -1);
    digestRefused(c.withDictionary(1, 0, 1, buffers(0, ones), dictionary), schema,
        "array: dictionary index " + allOnes + " is outside 0..1");
    digestRefused(c.withDictionary(1, 0, 0, buffers(0, c.int64s(2)), dictionary), schema,
        "array: dictionary index 2 is outside 0..1");
    String second = CDataReader.read(c.withDictionary(1, 0, 0, buffers(0, c.int64s(1)), dictionary), schema).digest();
    String first = CDataReader.read(c.withDictionary(1, 0, 0, buffers(0, c.int64s(0)), swapped), schema).digest();
    assertThat(second).isEqualTo(first);
    String sliced = CDataReader.read(c.withDictionary(1, 0, 1, buffers(0, c.int8s(new int[16])), swapped), schema).digest();
    assertThat(sliced).isEqualTo(first);
  }

  @Test
  void viewsMustPointInsideTheirVariadicBuffers() {
    long schema = c.schema("vz");
    long data = utf8("0123456789abcdefghij");
    digestRefused(c.array(1, 0, 0, buffers(0, view(-1, 0, 0), c.int64s())), schema,
        "array.buffers[1]: view 0 has length -1");
    digestRefused(c.array(1, 0, 0, buffers(0, view(13, 1, 0), data, c.int64s(20))), schema,
        "array.buffers[1]: view 0 names variadic buffer 1 of 1");
    digestRefused(c.array(1, 0, 0, buffers(0, view(13, -1, 0), data, c.int64s(20))), schema,
        "array.buffers[1]: view 0 names variadic buffer -1 of 1");
    digestRefused(c.array(1, 0, 0, buffers(0, view(13, 0, 8), data, c.int64s(20))), schema,
        "array.buffers[1]: view 0 reads bytes 8..21 of variadic buffer 0, whose size is 20");
    digestRefused(c.array(1, 0, 0, buffers(0, view(13, 0, -1), data, c.int64s(20))), schema,
        "array.buffers[1]: view 0 reads bytes -1..12 of variadic buffer 0, whose size is 20");
    assertThat(CDataReader.read(c.array(1, 0, 0, buffers(0, view(13, 0, 7), data, c.int64s(20))), schema)
        .digest()).hasSize(64);
    refused(c.array(1, 0, 0, buffers(0, view(13, 0, 0), data, 0)), schema,
        "array.buffers[3]: is NULL but there are 1 variadic buffers whose sizes it holds");
    refused(c.array(1, 0, 0, buffers(0, view(13, 0, 0), data, c.int64s(-3))), schema,
        "array.buffers[3]: size of variadic buffer 0 is -3");
    refused(c.array(1, 0, 0, buffers(0, view(13, 0, 0), data, data, c.int64s(20, -3))), schema,
        "array.buffers[4]: size of variadic buffer 1 is -3");
    digestRefused(c.array(1, 0, 0, buffers(0, view(13, 1, 0), data, data, c.int64s(100, 5))), schema,
        "array.buffers[1]: view 0 reads bytes 0..13 of variadic buffer 1, whose size is 5");
    refused(c.array(1, 0, 0, buffers(0, view(13, 0, 0), 0, c.int64s(20))), schema,
        "array.buffers[2]: is NULL but its size is 20");
    CDataReader.read(c.array(1, 0, 0, buffers(0, view(3, 0, 0), 0, c.int64s(0))), schema);
    CDataReader.read(c.array(1, 0, 0, buffers(0, view(3, 0, 0), 0)), schema);
    refused(c.array(1, 0, 0, buffers(0, 0, 0)), schema,
        "array.buffers[1]: is NULL but format 'vz' (binary view) needs it for offset + length 1");
  }

  @Test
  void absurdSizesAreRefusedBeforeAnyRead() {
    digestRefused(c.array(1, 0, 0, buffers(0, c.int64s(0, 1L << 31), utf8("a"))), c.schema("Z"),
        "array.buffers[1]: value 0 is 2147483648 bytes, more than 1073741824");
    refused(c.array(Long.MAX_VALUE / 2, 0, 0, buffers(0), ints(1, 1)),
        c.schema("+w:2147483647", c.schema("i")), "array: (offset + length) * 2147483647 overflows int64");
  }

  private long view(int length, int buffer, int offset) {
    long address = c.zeroed(16);
    org.apache.arrow.memory.util.MemoryUtil.putInt(address, length);
    org.apache.arrow.memory.util.MemoryUtil.putInt(address + 8, buffer);
    org.apache.arrow.memory.util.MemoryUtil.putInt(address + 12, offset);
    return address;
  }

  private long utf8(String text) {
    return c.bytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
