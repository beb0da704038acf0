package dev.arrowownership.cdata;

import org.junit.jupiter.api.Test;

/** The schema reader checks each n_children against the limit and against what the format needs. */
class SchemaReaderTest extends HandWrittenStructs {

  @Test
  void childCountsTheTypeDoesNotAllowAreRefused() {
    refused(c.schema("+l", c.schema("i"), c.schema("i")), "schema: n_children is 2, format '+l' (list) needs 1");
    refused(c.schema("i", c.schema("i")), "schema: n_children is 1, format 'i' (int32) needs 0");
    refused(c.schema("+r", c.schema("i")), "schema: n_children is 1, format '+r' (run-end encoded) needs 2");
    refused(c.schema("+ud:1,2", c.schema("i")),
        "schema: n_children is 1, format '+ud:1,2' (dense union) needs 2");
    long negative = c.schema("+s");
    CStructs.set(negative, 32, -1);
    refused(negative, "schema: n_children is -1, not in 0..65536");
    long huge = c.schema("+s");
    CStructs.set(huge, 32, 1L << 40);
    refused(huge, "schema: n_children is 1099511627776, not in 0..65536");
  }
}
