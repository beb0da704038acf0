package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Arrow Java's exports of primitives and a struct read back with their types, lengths and digests. */
class ReaderBasicsTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void allocatorEndsEmpty() {
    allocator.close();
  }

  @Test
  void anInt32VectorReadsAsInt32WithItsLengthAndNullCount() {
    try (IntVector v = ints("x", 1, null, 3); Exported e = Exported.vector(allocator, v)) {
      ArrayNode node = e.read();
      assertThat(node.schema().format()).isEqualTo("i");
      assertThat(node.schema().name()).isEqualTo("x");
      assertThat(node.schema().type().kind()).isEqualTo(TypeKind.INT32);
      assertThat(node.schema().nullable()).isTrue();
      assertThat(node.length()).isEqualTo(3);
      assertThat(node.offset()).isZero();
      assertThat(node.nullCount()).isEqualTo(1);
      assertThat(node.bufferCount()).isEqualTo(2);
      assertThat(node.children()).isEmpty();
      assertThat(node.dictionary()).isEmpty();
      assertThat(node.digest()).hasSize(64).isEqualTo(node.digest());
      assertThat(node).hasToString("array i length 3 offset 0");
    }
  }

  @Test
  void equalValuesDigestEquallyAndDifferentValuesDiffer() {
    try (IntVector a = ints("x", 1, null, 3); IntVector b = ints("x", 1, null, 3);
        IntVector c = ints("x", 1, null, 4); IntVector d = ints("x", 1, 2, 3);
        IntVector renamed = ints("y", 1, null, 3)) {
      String digest = Exported.digest(allocator, a);
      assertThat(Exported.digest(allocator, b)).isEqualTo(digest);
      assertThat(Exported.digest(allocator, c)).isNotEqualTo(digest);
      assertThat(Exported.digest(allocator, d)).isNotEqualTo(digest);
      assertThat(Exported.digest(allocator, renamed)).isNotEqualTo(digest);
    }
  }

  @Test
  void theBytesInANullSlotDoNotMatter() {
    try (IntVector a = ints("x", 1, 5, 3); IntVector b = ints("x", 1, 7, 3)) {
      a.setNull(1);
      b.setNull(1);
      assertThat(Exported.digest(allocator, a)).isEqualTo(Exported.digest(allocator, b));
    }
  }

  @Test
  void aRootReadsAsAStructWithItsFields() {
    try (IntVector ids = ints("id", 7, 8); VarCharVector names = strings("name", "a", null);
        VectorSchemaRoot root = new VectorSchemaRoot(List.of(ids.getField(), names.getField()),
            List.of(ids, names));
        Exported e = Exported.root(allocator, root)) {
      ArrayNode node = e.read();
      assertThat(node.schema().format()).isEqualTo("+s");
      assertThat(node.length()).isEqualTo(2);
      assertThat(node.children()).extracting(c -> c.schema().format()).containsExactly("i", "u");
      assertThat(node.children()).extracting(ArrayNode::path)
          .containsExactly("array.children[0]", "array.children[1]");
      assertThat(node.children().get(1).nullCount()).isEqualTo(1);
      assertThat(node.schema().children().get(1).path()).isEqualTo("schema.children[1]");
    }
  }

  IntVector ints(String name, Integer... values) {
    IntVector v = new IntVector(name, allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.set(i, values[i]);
      }
    }
    v.setValueCount(values.length);
    return v;
  }

  VarCharVector strings(String name, String... values) {
    VarCharVector v = new VarCharVector(name, allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    v.setValueCount(values.length);
    return v;
  }
}
