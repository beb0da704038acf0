package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;

import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/** A malformed ArrowArray is refused by read() with the path of the bad field and what is wrong. */
class MalformedArrayTest extends HandWrittenStructs {
  private long ints(long length) {
    return c.array(length, 0, 0, buffers(0, c.int32s(new int[(int) Math.max(length, 1)])));
  }

  @Test
  void nullAndReleasedArraysAreRefused() {
    long schema = c.schema("i");
    refused(0, schema, "array: is NULL");
    long released = ints(1);
    CStructs.set(released, 64, 0);
    refused(released, schema, "array: is released (release is NULL)");
    refused(c.array(1, 0, 0, buffers(0), released), c.schema("+s", schema),
        "array.children[0]: is released (release is NULL)");
    refused(c.array(1, 0, 0, buffers(0), 0), c.schema("+s", schema), "array.children[0]: is NULL");
  }

  @Test
  void negativeLengthOffsetAndNullCountAreRefused() {
    long schema = c.schema("i");
    refused(c.array(-1, 0, 0, buffers(0, c.int32s(1))), schema, "array: length is -1, must be >= 0");
    refused(c.array(1, 0, -2, buffers(0, c.int32s(1))), schema, "array: offset is -2, must be >= 0");
    refused(c.array(Long.MAX_VALUE, 0, 1, buffers(0, c.int32s(1))), schema,
        "array: offset + length overflows int64");
    refused(c.array(1, -2, 0, buffers(0, c.int32s(1))), schema, "array: null_count is -2, must be >= -1");
  }

  @Test
  void aWrongBufferCountIsRefused() {
    refused(c.array(1, 0, 0, buffers(0, c.int32s(0, 1))), c.schema("u"),
        "array: n_buffers is 2, format 'u' (utf8) needs 3");
    refused(c.array(1, 0, 0, buffers(0, c.int32s(1))), c.schema("vu"),
        "array: n_buffers is 2, format 'vu' (utf8 view) needs at least 3");
    refused(c.array(0, 0, 0, buffers(0)), c.schema("n"), "array: n_buffers is 1, format 'n' (null) needs 0");
    long noBufferArray = ints(1);
    CStructs.set(noBufferArray, 40, 0);
    refused(noBufferArray, c.schema("i"), "array.buffers: is NULL but n_buffers is 2");
    long hugeViews = c.array(0, 0, 0, buffers(0, 0, 0));
    CStructs.set(hugeViews, 24, 1L << 20);
    refused(hugeViews, c.schema("vz"), "array: n_buffers is 1048576, not in 0..65536");
  }

  @Test
  void childrenAndDictionaryMustMatchTheSchema() {
    refused(c.array(1, 0, 0, buffers(0)), c.schema("+s", c.schema("i")),
        "array: n_children is 0, the schema '+s' (struct) has 1");
    long noChildArray = c.array(1, 0, 0, buffers(0), ints(1));
    CStructs.set(noChildArray, 48, 0);
    refused(noChildArray, c.schema("+s", c.schema("i")), "array.children: is NULL but n_children is 1");
    long dictionarySchema = c.schema("i", "f", 2, 0, c.schema("i"));
    refused(ints(1), dictionarySchema,
        "array.dictionary: is NULL but the schema schema has a dictionary");
    refused(c.withDictionary(1, 0, 0, buffers(0, c.int32s(0)), ints(1)), c.schema("i"),
        "array: has a dictionary but its schema schema has none");
    refused(c.array(1, 0, 0, buffers(0), c.withDictionary(1, 0, 0, buffers(0, c.int32s(0)), 0)),
        c.schema("+s", dictionarySchema), "array.children[0].dictionary: is NULL but the schema "
            + "schema.children[0] has a dictionary");
  }

  @Test
  void cyclesAndSharedChildrenAreRefused() {
    long child = c.array(1, 0, 0, buffers(0), ints(1));
    long parent = c.array(1, 0, 0, buffers(0), child);
    MemoryUtil.putLong(MemoryUtil.getLong(child + 48), parent);
    refused(parent, c.schema("+s", c.schema("+s", c.schema("+s", c.schema("i")))),
        "array.children[0].children[0]: is the struct at array again (a cycle)");
    long shared = ints(1);
    refused(c.array(1, 0, 0, buffers(0), shared, shared), c.schema("+s", c.schema("i"), c.schema("i")),
        "array.children[1]: is the struct at array.children[0] again (a shared struct)");
  }

  @Test
  void offsetsMustBeInOrderAndWithinTheirChild() {
    refused(c.array(1, 0, 0, buffers(0, c.int32s(-1, 2), c.int8s(1, 2))), c.schema("u"),
        "array.buffers[1]: first offset is -1, must be >= 0");
    refused(c.array(1, 0, 1, buffers(0, c.int64s(0, 5, 2), c.int8s(1, 2))), c.schema("U"),
        "array.buffers[1]: last offset 2 is less than the first 5");
    refused(c.array(1, 0, 0, buffers(0, c.int32s(0, 3)), c.array(2, 0, 0, buffers(0), ints(2), ints(2))),
        c.schema("+m", c.schema("+s", "e", 0, 0, 0, c.schema("i", "k", 0, 0, 0), c.schema("i"))),
        "array.children[0]: length is 2, but the last offset of its parent '+m' (map) needs at least 3");
    refused(c.array(1, 0, 0, buffers(0, c.int32s(0, 3)), ints(2)), c.schema("+l", c.schema("i")),
        "array.children[0]: length is 2, but the last offset of its parent '+l' (list) needs at least 3");
    refused(c.array(1, 0, 0, buffers(0, c.int64s(0, 3)), ints(2)), c.schema("+L", c.schema("i")),
        "array.children[0]: length is 2, but the last offset of its parent '+L' (large list) needs at least 3");
    refused(c.array(2, 0, 1, buffers(0), ints(5)), c.schema("+w:2", c.schema("i")),
        "array.children[0]: length is 5, but (offset + length) * 2 of its parent '+w:2' (fixed-size list) needs at least 6");
  }

  @Test
  void structAndSparseUnionChildrenMustCoverOffsetPlusLength() {
    refused(c.array(2, 0, 1, buffers(0), ints(3), ints(2)), c.schema("+s", c.schema("i"), c.schema("i")),
        "array.children[1]: length is 2, but its parent '+s' (struct) needs at least offset + length 3");
    refused(c.array(2, 0, 0, buffers(c.int8s(0, 0)), ints(1)), c.schema("+us:0", c.schema("i")),
        "array.children[0]: length is 1, but its parent '+us:0' (sparse union) needs at least offset + length 2");
  }
}
