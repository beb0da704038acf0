package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/**
 * The digest is a stable canonical encoding: these arrays digest to the same hex in every run and
 * every version, so a digest recorded by one kit run can be compared with another's. A change here
 * changes what every recorded digest means: only on purpose.
 */
class GoldenDigestTest extends HandWrittenStructs {
  private static final boolean T = true;
  private static final boolean F = false;
  private long ints(int... values) {
    return c.array(values.length, 0, 0, buffers(0, c.int32s(values)));
  }

  private long utf8(String text) {
    return c.bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private long view(int length, String inline, int buffer, int offset) {
    long address = c.zeroed(16);
    MemoryUtil.putInt(address, length);
    byte[] bytes = inline.getBytes(StandardCharsets.UTF_8);
    MemoryUtil.copyToMemory(bytes, 0, address + 4, bytes.length);
    if (buffer >= 0) {
      MemoryUtil.putInt(address + 8, buffer);
      MemoryUtil.putInt(address + 12, offset);
    }
    return address;
  }

  private long views(long... views) {
    long address = c.zeroed(16L * views.length);
    for (int i = 0; i < views.length; i++) {
      MemoryUtil.copyMemory(views[i], address + 16L * i, 16);
    }
    return address;
  }

  private Map<String, String> digests() {
    Map<String, long[]> arrays = new LinkedHashMap<>();
    arrays.put("int32", new long[] {c.array(3, 1, 0, buffers(c.bits(T, F, T), c.int32s(1, 2, 3))),
        c.schema("i", null, 0, c.metadata("k", "v"), 0)});
    arrays.put("wide numbers", new long[] {c.array(300, 0, 0, buffers(0, c.zeroed(1200))),
        c.schema("i", "f", 0x1_0000_0102L, 0, 0)});
    arrays.put("bool", new long[] {c.array(3, 0, 1, buffers(0, c.bits(F, T, F, T))), c.schema("b")});
    arrays.put("utf8", new long[] {c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 3), utf8("abc"))), c.schema("u")});
    arrays.put("large utf8", new long[] {c.array(2, 0, 0, buffers(0, c.int64s(0, 2, 3), utf8("abc"))), c.schema("U")});
    arrays.put("utf8 view", new long[] {c.array(3, 0, 0, buffers(0, views(view(0, "", -1, 0),
        view(12, "twelve bytes", -1, 0), view(13, "thir", 0, 1)), utf8("xthirteen byte"), c.int64s(14))),
        c.schema("vu")});
    arrays.put("list", new long[] {c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 3)), ints(4, 5, 6)),
        c.schema("+l", c.schema("i"))});
    arrays.put("large list", new long[] {c.array(2, 0, 0, buffers(0, c.int64s(0, 1, 3)), ints(4, 5, 6)),
        c.schema("+L", c.schema("i"))});
    arrays.put("list view", new long[] {c.array(2, 0, 0, buffers(0, c.int32s(2, 0), c.int32s(1, 2)), ints(4, 5, 6)),
        c.schema("+vl", c.schema("i"))});
    arrays.put("large list view", new long[] {c.array(2, 0, 0, buffers(0, c.int64s(2, 0), c.int64s(1, 2)),
        ints(4, 5, 6)), c.schema("+vL", c.schema("i"))});
    arrays.put("fixed-size list", new long[] {c.array(2, 0, 0, buffers(0), ints(4, 5, 6, 7)),
        c.schema("+w:2", c.schema("i"))});
    arrays.put("struct", new long[] {c.array(2, 1, 0, buffers(c.bits(F, T)), ints(1, 2), ints(3, 4)),
        c.schema("+s", c.schema("i"), c.schema("i"))});
    arrays.put("sparse union", new long[] {c.array(2, 0, 0, buffers(c.int8s(3, 1)), ints(1, 2), ints(3, 4)),
        c.schema("+us:1,3", c.schema("i"), c.schema("i"))});
    arrays.put("dense union", new long[] {c.array(2, 0, 0, buffers(c.int8s(3, 1), c.int32s(1, 0)), ints(1, 2),
        ints(3, 4)), c.schema("+ud:1,3", c.schema("i"), c.schema("i"))});
    arrays.put("run-end int16", new long[] {c.array(4, 0, 0, buffers(),
        c.array(2, 0, 0, buffers(0, c.int16s(1, 4))), ints(8, 9)), c.schema("+r", c.schema("s"), c.schema("i"))});
    arrays.put("run-end int64", new long[] {c.array(4, 0, 0, buffers(),
        c.array(2, 0, 0, buffers(0, c.int64s(3, 4))), ints(8, 9)), c.schema("+r", c.schema("l"), c.schema("i"))});
    arrays.put("dictionary", new long[] {c.withDictionary(3, 0, 0, buffers(0, c.int16s(1, 0, 1)),
        c.array(2, 0, 0, buffers(0, c.int32s(0, 1, 2), utf8("ab")))), c.schema("S", "d", 2, 0, c.schema("u"))});
    arrays.put("null", new long[] {c.array(2, 2, 0, buffers()), c.schema("n")});
    Map<String, String> digests = new LinkedHashMap<>();
    arrays.forEach((name, structs) -> digests.put(name, CDataReader.read(structs[0], structs[1]).digest()));
    return digests;
  }

  @Test
  void eachLayoutDigestsToItsRecordedValue() {
    assertThat(digests()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("int32", "2a851064fd46e99dde815167f264b8ba5a1a5b8834e9982d709be2fe45ec1775"),
        Map.entry("wide numbers", "488898d942d1b4f81cc4b96373f33b06743dd7bc2b3c7e7b3d6e3dc27136d31d"),
        Map.entry("bool", "f18950bbe9c70e04abebf6e952e69d06a7f6279a052daf3addd3ed3152ac01a9"),
        Map.entry("utf8", "e8158d61f5a9156ab8504f803b1570862c296f1e761adfc74b8de78b91ac636c"),
        Map.entry("large utf8", "227634d26f05f161995433c864b1716080209b54b60d008232f5ac33235d500c"),
        Map.entry("utf8 view", "850ec1bd867ea512b316b0bb7862ceeb7bbf9c0f2d01e38167e777c4d307d2d4"),
        Map.entry("list", "8ee9beddb76034df5a5a60be44551efa6261d54d50538f3532a5d3a013b5ffb1"),
        Map.entry("large list", "e06c0473150af99ed4fe932a9c5a198877caa1b60fe56d9251fe620b26b4f607"),
        Map.entry("list view", "47c0c7d913878e523977435181a6e86fa945de5081067a825e7cde33095c28ae"),
        Map.entry("large list view", "89b496ba762312cb84a34827a21f76f088c55fbeed496a9a6cffa17a3c5c774d"),
        Map.entry("fixed-size list", "ce2cf84c1fc26561d365ac1f9bfdda32671e8ef61e46512edcdb708e6e62232c"),
        Map.entry("struct", "d6748c4bd4427281e09b41632068e7f027ad6438235b2f85680aee297f88047e"),
        Map.entry("sparse union", "fb6d636aa9015ec6a244e0a79bad29e87cc9c71eab1b9332c8256510222bbe55"),
        Map.entry("dense union", "8377cb0e8fd5904599caeafef857bcef572a80e02ffa316542ec32c4b8016041"),
        Map.entry("run-end int16", "5104867529c1648921fdbd7f027daf30ccbcbf330cf0fb74f015eae0842f879c"),
        Map.entry("run-end int64", "2c3b49b472c31cc5ddc0c67d1d9c1f34924bc0e33b32be364c292afeaba538aa"),
        Map.entry("dictionary", "03b6cecd6ecc26b1ec41f1a20e59d6482bbdc2bd3780ec669bee6e68cbee02a3"),
        Map.entry("null", "8acef664a4e031da94ee26604ff4c2f58af99d3638de0302f41456c3a714115a")));
  }
}
