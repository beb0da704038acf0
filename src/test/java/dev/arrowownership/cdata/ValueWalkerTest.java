package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The values part of the digest, spelled out in {@link DigestEncoding}: each value is a validity tag,
 * then (if valid) the value; a list value is its element count, then each element.
 */
class ValueWalkerTest extends HandWrittenStructs {
  private static final boolean T = true;
  private static final boolean F = false;

  private static String digest(long array, long schema) {
    return CDataReader.read(array, schema).digest();
  }

  @Test
  void aNullIsItsTagAloneWhateverItsSlotHolds() {
    long array = c.array(2, 1, 0, buffers(c.bits(F, T), c.int32s(9, 7)));
    String expected = new DigestEncoding().leaf("i").int64(2).tag(false).tag(true).raw(7, 0, 0, 0).sha256();
    assertThat(digest(array, c.schema("i"))).isEqualTo(expected);
  }

  @Test
  void aListIsItsChildSchemaThenEachElementCountAndElements() {
    long schema = c.schema("+l", c.schema("i"));
    long child = c.array(3, 0, 0, buffers(0, c.int32s(5, 6, 7)));
    long array = c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 3)), child);
    String expected = new DigestEncoding()
        .string("+l").tag(true).string("f").int64(2).int64(0)
        .int64(1).leaf("i")
        .tag(false)
        .int64(2)
        .tag(true).int64(1).tag(true).raw(5, 0, 0, 0)
        .tag(true).int64(2).tag(true).raw(6, 0, 0, 0).tag(true).raw(7, 0, 0, 0)
        .sha256();
    assertThat(digest(array, schema)).isEqualTo(expected);
  }

  @Test
  void aDictionaryEncodedValueIsTheDictionaryValueItsIndexSelects() {
    long schema = c.schema("c", null, 0, 0, c.schema("i"));
    long dictionary = c.array(2, 0, 0, buffers(0, c.int32s(10, 20)));
    long array = c.withDictionary(3, 0, 0, buffers(0, c.int8s(1, 0, 1)), dictionary);
    String expected = new DigestEncoding()
        .string("c").tag(false).int64(0).int64(0).int64(0)
        .tag(true).leaf("i")
        .int64(3)
        .tag(true).tag(true).raw(20, 0, 0, 0)
        .tag(true).tag(true).raw(10, 0, 0, 0)
        .tag(true).tag(true).raw(20, 0, 0, 0)
        .sha256();
    assertThat(digest(array, schema)).isEqualTo(expected);
  }

  /**
   * A union has no validity bitmap: its first buffer is the type ids, never read as validity (a type
   * id 0 is no null). A value is the child index, then that child's value.
   */
  @Test
  void aUnionValueIsItsChildIndexThenTheChildsValue() {
    long schema = c.schema("+us:0", c.schema("i"));
    long child = c.array(1, 0, 0, buffers(0, c.int32s(5)));
    long array = c.array(1, 0, 0, buffers(c.int8s(0)), child);
    String expected = new DigestEncoding()
        .string("+us:0").tag(true).string("f").int64(2).int64(0)
        .int64(1).leaf("i")
        .tag(false)
        .int64(1)
        .tag(true).int64(0).tag(true).raw(5, 0, 0, 0)
        .sha256();
    assertThat(digest(array, schema)).isEqualTo(expected);
  }
}
