package dev.arrowownership.cdata;

import static dev.arrowownership.cdata.CStructs.buffers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An array node has its dictionary exactly when its schema has one. */
class ArrayNodeTest extends HandWrittenStructs {

  @Test
  void aDictionaryEncodedArrayHasItsDictionaryAndAPlainOneNone() {
    long dictionary = c.array(2, 0, 0, buffers(0, c.int32s(10, 20)));
    ArrayNode encoded = CDataReader.read(c.withDictionary(3, 0, 0, buffers(0, c.int8s(1, 0, 1)), dictionary),
        c.schema("c", null, 0, 0, c.schema("i")));
    assertThat(encoded.dictionary()).get().extracting(ArrayNode::length).isEqualTo(2L);
    ArrayNode plain = CDataReader.read(c.array(1, 0, 0, buffers(0, c.int8s(1))), c.schema("c"));
    assertThat(plain.dictionary()).isEmpty();
  }
}
