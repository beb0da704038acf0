package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every nested type Arrow Java exports reads back with its shape, and digests by its values. */
class NestedTypesTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void allocatorEndsEmpty() {
    allocator.close();
  }

  static Stream<Arguments> nested() {
    return Stream.of(
        nested("+l", TypeKind.LIST, 4, 2, (a, s) -> NestedVectors.list(a, "+l", s), "i"),
        nested("+L", TypeKind.LARGE_LIST, 4, 2, (a, s) -> NestedVectors.list(a, "+L", s), "i"),
        nested("+vl", TypeKind.LIST_VIEW, 4, 3, (a, s) -> NestedVectors.list(a, "+vl", s), "i"),
        nested("+vL", TypeKind.LARGE_LIST_VIEW, 4, 3, (a, s) -> NestedVectors.list(a, "+vL", s), "i"),
        nested("+w:2", TypeKind.FIXED_SIZE_LIST, 4, 1, NestedVectors::fixedSizeList, "i"),
        nested("+s", TypeKind.STRUCT, 4, 1, NestedVectors::struct, "i", "g"),
        nested("+m", TypeKind.MAP, 4, 2, NestedVectors::map, "+s"),
        nested("+r", TypeKind.RUN_END_ENCODED, 6, 0, NestedVectors::runEndEncoded, "i", "i"));
  }

  private static Arguments nested(String format, TypeKind kind, int length, int buffers,
      BiFunction<BufferAllocator, Integer, FieldVector> build, String... childFormats) {
    return Arguments.of(format, kind, length, buffers, build, List.of(childFormats));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nested")
  void aNestedVectorReadsBackWithItsShapeAndDigest(String format, TypeKind kind, int length,
      int buffers, BiFunction<BufferAllocator, Integer, FieldVector> build, List<String> children) {
    try (FieldVector a = build.apply(allocator, 1); FieldVector same = build.apply(allocator, 1);
        FieldVector other = build.apply(allocator, 2); Exported e = Exported.vector(allocator, a)) {
      ArrayNode node = e.read();
      assertThat(node.schema().format()).isEqualTo(format);
      assertThat(node.schema().type().kind()).isEqualTo(kind);
      assertThat(node.length()).isEqualTo(length);
      assertThat(node.bufferCount()).isEqualTo(buffers);
      assertThat(node.children()).extracting(c -> c.schema().format()).isEqualTo(children);
      assertThat(Exported.digest(allocator, same)).isEqualTo(node.digest());
      assertThat(Exported.digest(allocator, other)).isNotEqualTo(node.digest());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unions")
  void aUnionReadsBackWithItsTypeIdsAndNoValidityBuffer(String mode, TypeKind kind, int buffers,
      BiFunction<BufferAllocator, Integer, FieldVector> build) {
    try (FieldVector a = build.apply(allocator, 1); FieldVector same = build.apply(allocator, 1);
        FieldVector other = build.apply(allocator, 2); Exported e = Exported.vector(allocator, a)) {
      ArrayNode node = e.read();
      assertThat(node.schema().format()).startsWith(mode);
      assertThat(node.schema().type().kind()).isEqualTo(kind);
      assertThat(node.schema().type().typeIds()).hasSize(node.children().size()).hasSize(2);
      assertThat(node.bufferCount()).isEqualTo(buffers);
      assertThat(Exported.digest(allocator, same)).isEqualTo(node.digest());
      assertThat(Exported.digest(allocator, other)).isNotEqualTo(node.digest());
    }
  }

  @Test
  void aDictionaryEncodedVectorReadsWithItsDictionaryAndDigestsByDecodedValues() {
    try (VarCharVector abc = strings("d", "a", "b", "c"); VarCharVector cba = strings("d", "c", "b", "a");
        VarCharVector values = strings("v", "b", "c", "b", "a")) {
      Dictionary first = new Dictionary(abc, new DictionaryEncoding(1, false, new ArrowType.Int(16, true)));
      Dictionary second = new Dictionary(cba, new DictionaryEncoding(1, false, new ArrowType.Int(16, true)));
      try (FieldVector a = (FieldVector) DictionaryEncoder.encode(values, first);
          FieldVector b = (FieldVector) DictionaryEncoder.encode(values, second);
          Exported e = Exported.vector(allocator, a, new DictionaryProvider.MapDictionaryProvider(first))) {
        ArrayNode node = e.read();
        assertThat(node.schema().format()).isEqualTo("s");
        assertThat(node.schema().dictionary().orElseThrow().format()).isEqualTo("u");
        assertThat(node.dictionary().orElseThrow().length()).isEqualTo(3);
        assertThat(node.dictionary().orElseThrow().path()).isEqualTo("array.dictionary");
        assertThat(Exported.digest(allocator, b, new DictionaryProvider.MapDictionaryProvider(second)))
            .isEqualTo(node.digest());
        assertThat(Exported.digest(allocator, b, new DictionaryProvider.MapDictionaryProvider(first)))
            .isNotEqualTo(node.digest());
      }
    }
  }

  private VarCharVector strings(String name, String... values) {
    VarCharVector vector = new VarCharVector(name, allocator);
    for (int i = 0; i < values.length; i++) {
      vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
    }
    vector.setValueCount(values.length);
    return vector;
  }

  static Stream<Arguments> unions() {
    return Stream.of(
        Arguments.of("+us:", TypeKind.SPARSE_UNION, 1,
            (BiFunction<BufferAllocator, Integer, FieldVector>) NestedVectors::sparseUnion),
        Arguments.of("+ud:", TypeKind.DENSE_UNION, 2,
            (BiFunction<BufferAllocator, Integer, FieldVector>) NestedVectors::denseUnion));
  }
}
