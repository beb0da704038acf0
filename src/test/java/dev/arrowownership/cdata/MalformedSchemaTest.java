package dev.arrowownership.cdata;


import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/** A malformed ArrowSchema is refused with the path of the bad field and what is wrong with it. */
class MalformedSchemaTest extends HandWrittenStructs {
  @Test
  void nullAndReleasedSchemasAreRefused() {
    refused(0, "schema: is NULL");
    long released = c.schema("i");
    CStructs.set(released, 56, 0);
    refused(released, "schema: is released (release is NULL)");
    long parent = c.schema("+s", c.schema("i"), c.schema("i"), c.schema("i", "f", 2, 0, released));
    refused(parent, "schema.children[2].dictionary: is released (release is NULL)");
  }

  @Test
  void aNullOrUnknownOrMalformedFormatIsRefused() {
    long noFormat = c.schema("i");
    CStructs.set(noFormat, 0, 0);
    refused(noFormat, "schema.format: is NULL");
    refused(c.schema("x"), "schema.format: unknown format 'x'");
    refused(c.schema("+s", c.schema("d:1,2,48")),
        "schema.children[0].format: malformed format 'd:1,2,48': decimal bit width 48 is not 32, 64, 128 or 256");
    long unterminated = c.schema("i");
    long garbage = c.zeroed(NativeReads.MAX_STRING);
    MemoryUtil.setMemory(garbage, NativeReads.MAX_STRING, (byte) 'a');
    CStructs.set(unterminated, 8, garbage);
    refused(unterminated, "schema.name: no NUL within 65536 bytes");
  }

  @Test
  void nullChildPointersAreRefused() {
    long noArray = c.schema("+s");
    CStructs.set(noArray, 32, 1);
    refused(noArray, "schema.children: is NULL but n_children is 1");
    refused(c.schema("+s", c.schema("i"), 0), "schema.children[1]: is NULL");
  }

  @Test
  void cyclesSharedChildrenAndExcessiveDepthAreRefused() {
    long child = c.schema("+l", c.schema("i"));
    long parent = c.schema("+l", child);
    MemoryUtil.putLong(MemoryUtil.getLong(child + 40), parent);
    refused(parent, "schema.children[0].children[0]: is the struct at schema again (a cycle)");
    long shared = c.schema("i");
    refused(c.schema("+s", shared, shared), "schema.children[1]: is the struct at schema.children[0] again (a shared struct)");
    long deep = c.schema("i");
    for (int i = 0; i < TreeGuard.MAX_DEPTH + 1; i++) {
      deep = c.schema("+l", deep);
    }
    refused(deep, "schema" + ".children[0]".repeat(TreeGuard.MAX_DEPTH + 1) + ": nests deeper than 64 levels");
  }

  @Test
  void aDictionaryNeedsAnIntegerIndexType() {
    refused(c.schema("u", "f", 2, 0, c.schema("u")),
        "schema: has a dictionary but format 'u' (utf8) is not an integer index type");
  }

  @Test
  void aMapNeedsANonNullableEntriesStructOfTwoWithNonNullableKeys() {
    refused(c.schema("+m", c.schema("i")),
        "schema.children[0]: a map's entries must be a struct '+s' of 2 children, found format 'i' with 0");
    refused(c.schema("+m", c.schema("+s", c.schema("i"))),
        "schema.children[0]: a map's entries must be a struct '+s' of 2 children, found format '+s' with 1");
    refused(c.schema("+m", c.schema("+us:0,1", c.schema("i"), c.schema("i"))),
        "schema.children[0]: a map's entries must be a struct '+s' of 2 children, found format '+us:0,1' with 2");
    refused(c.schema("+m", c.schema("+s", "e", 2, 0, 0, c.schema("i", "k", 0, 0, 0), c.schema("i"))),
        "schema.children[0]: a map's entries and keys must not be nullable");
    refused(c.schema("+m", c.schema("+s", "e", 0, 0, 0, c.schema("i"), c.schema("i"))),
        "schema.children[0].children[0]: a map's entries and keys must not be nullable");
  }

  @Test
  void runEndsMustBeInt16Int32OrInt64() {
    refused(c.schema("+r", c.schema("c"), c.schema("u")),
        "schema.children[0]: run ends must be int16, int32 or int64, found format 'c'");
    refused(c.schema("+r", c.schema("i", "f", 2, 0, c.schema("u")), c.schema("u")),
        "schema.children[0]: run ends must be int16, int32 or int64, found format 'i'");
  }

  @Test
  void corruptMetadataIsRefused() {
    long negativeCount = c.int32s(-1);
    refused(c.schema("i", "f", 2, negativeCount, 0), "schema.metadata: pair count is -1, not in 0..65536");
    long hugeCount = c.int32s(MetadataReader.MAX_PAIRS + 1);
    refused(c.schema("i", "f", 2, hugeCount, 0), "schema.metadata: pair count is 65537, not in 0..65536");
    long badKey = c.int32s(1, -5);
    refused(c.schema("i", "f", 2, badKey, 0), "schema.metadata: key 0 has length -5, not in 0..16777216");
    long badValue = c.int32s(1, 0, MetadataReader.MAX_LENGTH + 1);
    refused(c.schema("i", "f", 2, badValue, 0),
        "schema.metadata: value 0 has length 16777217, not in 0..16777216");
  }
}
