package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;

import org.junit.jupiter.api.Test;

/**
 * A buffer may be NULL only where it would hold no bytes: validity with {@code null_count == 0}, any
 * buffer of an empty {@code offset + length} (nanoarrow's default-level checks, in ArrayValidator).
 */
class ArrayValidatorTest extends HandWrittenStructs {
  private long ints(long length) {
    return c.array(length, 0, 0, buffers(0, c.int32s(new int[(int) Math.max(length, 1)])));
  }

  @Test
  void nullBuffersAreRefusedWhereTheyHoldValues() {
    long schema = c.schema("+s", c.schema("i"));
    refused(c.array(3, 0, 0, buffers(0), c.array(3, 0, 0, buffers(0, 0))), schema,
        "array.children[0].buffers[1]: is NULL but format 'i' (int32) needs it for offset + length 3");
    refused(c.array(1, 1, 0, buffers(0, c.int32s(1))), c.schema("i"), "array.buffers[0]: is NULL but null_count is 1");
    refused(c.array(1, -1, 0, buffers(0, c.int32s(1))), c.schema("i"), "array.buffers[0]: is NULL but null_count is -1");
    refused(c.array(1, 0, 0, buffers(0, c.int32s(0, 3), 0)), c.schema("z"),
        "array.buffers[2]: is NULL but the last offset is 3");
    refused(c.array(1, 0, 0, buffers(0, c.int64s(0, 3), 0)), c.schema("Z"),
        "array.buffers[2]: is NULL but the last offset is 3");
    refused(c.array(1, 0, 0, buffers(0, c.int32s(0), 0), ints(0)), c.schema("+vl", c.schema("i")),
        "array.buffers[2]: is NULL but format '+vl' (list view) needs it for offset + length 1");
    refused(c.array(1, 1, 0, buffers(0)), c.schema("+us:"),
        "array.buffers[0]: is NULL but format '+us:' (sparse union) needs it for offset + length 1");
    refused(c.array(1, 1, 0, buffers(0, 0)), c.schema("+ud:"),
        "array.buffers[0]: is NULL but format '+ud:' (dense union) needs it for offset + length 1");
  }

  @Test
  void emptyArraysMayHaveNullBuffers() {
    CDataReader.read(c.array(0, 0, 0, buffers(0, 0, 0)), c.schema("u"));
    CDataReader.read(c.array(0, 1, 0, buffers(0, 0)), c.schema("i"));
    CDataReader.read(c.array(2, 0, 0, buffers(0, c.int32s(0, 0, 0), 0)), c.schema("u"));
    CDataReader.read(c.array(0, 0, 0, buffers(0, 0), ints(0)), c.schema("+l", c.schema("i")));
    CDataReader.read(c.array(0, 0, 0, buffers(0, 0, 0)), c.schema("vz"));
    CDataReader.read(c.array(0, 0, 0, buffers(0, 0)), c.schema("+ud:"));
  }
}
