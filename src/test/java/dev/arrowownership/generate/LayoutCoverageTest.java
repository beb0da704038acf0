package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coverage report counts each family and feature once per batch and fails naming what is missing. */
class LayoutCoverageTest {
  private static final BatchShape SLICED = new BatchShape(4, 2, BatchShape.Nulls.SOME, 1);

  /** The tour exercises every family and every feature. */
  @Test
  void theTourCoversEverything() {
    LayoutCoverage coverage = new LayoutCoverage();
    ArrowArbitraries.tour().forEach(coverage::record);
    assertThat(coverage.missing()).isEmpty();
    coverage.assertComplete();
    assertThat(coverage.batches()).isEqualTo(ArrowArbitraries.tour().size());
    assertThat(coverage.report()).contains("| utf8 view | ").contains("| DICTIONARY_IN_LIST | ")
        .endsWith(ArrowArbitraries.tour().size() + " batches\n");
  }

  /** Nothing recorded: every family and feature is missing, and the check fails naming them. */
  @Test
  void anEmptyRunMissesEverything() {
    LayoutCoverage coverage = new LayoutCoverage();
    assertThat(coverage.missing()).hasSize(TypeKind.values().length + LayoutFeature.values().length)
        .startsWith("null", "bool").endsWith("MAP_KEYS_UNSORTED");
    assertThatThrownBy(coverage::assertComplete).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("never generated in 0 batches: [null, bool,").hasMessageContaining("| null | 0 |");
  }

  /** A family counts once per batch, however often it appears in it; features are read from the data. */
  @Test
  void countsBatchesNotNodes() {
    LayoutCoverage coverage = new LayoutCoverage();
    ArrowLayout i = ArrowLayout.leaf("i", "a");
    coverage.record(new LayoutBatch(LayoutFormats.recordBatch(List.of(i, i)), SLICED));
    assertThat(coverage.count(TypeKind.INT32)).isEqualTo(1);
    assertThat(coverage.count(TypeKind.STRUCT)).isEqualTo(1);
    assertThat(coverage.count(LayoutFeature.DUPLICATE_FIELD_NAMES)).isEqualTo(1);
    assertThat(coverage.count(LayoutFeature.SLICED)).isEqualTo(1);
    assertThat(coverage.count(LayoutFeature.TOP_LEVEL_NOT_STRUCT)).isZero();
    assertThat(coverage.count(LayoutFeature.ZERO_LENGTH)).isZero();
    coverage.record(new LayoutBatch(i, new BatchShape(0, 0, BatchShape.Nulls.SOME, 1)));
    assertThat(coverage.count(TypeKind.INT32)).isEqualTo(2);
    assertThat(coverage.count(LayoutFeature.TOP_LEVEL_NOT_STRUCT)).isEqualTo(1);
    assertThat(coverage.count(LayoutFeature.ZERO_LENGTH)).isEqualTo(1);
    assertThat(coverage.count(LayoutFeature.SLICED)).isEqualTo(1);
    assertThat(coverage.count(LayoutFeature.DUPLICATE_FIELD_NAMES)).isEqualTo(1);
    assertThat(coverage.batches()).isEqualTo(2);
  }

  /** Nulls: no validity buffer only on a nullable field with values; all null only with values. */
  @Test
  void nullShapes() {
    ArrowLayout i = ArrowLayout.leaf("i", "a");
    assertThat(features(i, new BatchShape(2, 0, BatchShape.Nulls.NO_VALIDITY_BUFFER, 1)))
        .contains(LayoutFeature.NO_VALIDITY_BUFFER).doesNotContain(LayoutFeature.ALL_NULL);
    assertThat(features(i.nullable(false), new BatchShape(2, 0, BatchShape.Nulls.NO_VALIDITY_BUFFER, 1)))
        .doesNotContain(LayoutFeature.NO_VALIDITY_BUFFER);
    assertThat(features(i, new BatchShape(0, 0, BatchShape.Nulls.NO_VALIDITY_BUFFER, 1)))
        .doesNotContain(LayoutFeature.NO_VALIDITY_BUFFER);
    assertThat(features(i, new BatchShape(2, 1, BatchShape.Nulls.ALL, 1))).contains(LayoutFeature.ALL_NULL);
    assertThat(features(i, new BatchShape(0, 1, BatchShape.Nulls.ALL, 1))).doesNotContain(LayoutFeature.ALL_NULL);
    assertThat(features(ArrowLayout.leaf("n", "n"), new BatchShape(2, 0, BatchShape.Nulls.ALL, 1)))
        .doesNotContain(LayoutFeature.ALL_NULL);
  }

  /** Dictionaries: signed or unsigned index, nested values, inside a list; timestamps, maps, views, depth. */
  @Test
  void typeDetails() {
    ArrowLayout u = ArrowLayout.leaf("u", "u");
    assertThat(features(u.encodedBy("l"), SLICED)).contains(LayoutFeature.DICTIONARY_SIGNED_INDEX)
        .doesNotContain(LayoutFeature.DICTIONARY_UNSIGNED_INDEX, LayoutFeature.DICTIONARY_OF_NESTED_TYPE,
            LayoutFeature.DICTIONARY_IN_LIST);
    assertThat(features(u.encodedBy("S"), SLICED)).contains(LayoutFeature.DICTIONARY_UNSIGNED_INDEX)
        .doesNotContain(LayoutFeature.DICTIONARY_SIGNED_INDEX);
    ArrowLayout listOfU = ArrowLayout.nested("+l", "l", List.of(u));
    assertThat(features(listOfU.encodedBy("c"), SLICED)).contains(LayoutFeature.DICTIONARY_OF_NESTED_TYPE)
        .doesNotContain(LayoutFeature.DICTIONARY_IN_LIST);
    for (String list : List.of("+l", "+L", "+vl", "+vL", "+w:1")) {
      assertThat(features(ArrowLayout.nested(list, "l", List.of(u.encodedBy("i"))), SLICED)).as(list)
          .contains(LayoutFeature.DICTIONARY_IN_LIST);
    }
    assertThat(features(ArrowLayout.nested("+s", "s", List.of(u.encodedBy("i"))), SLICED))
        .doesNotContain(LayoutFeature.DICTIONARY_IN_LIST);
    assertThat(features(ArrowLayout.nested("+l", "l", List.of(ArrowLayout.nested("+s", "s", List.of(u.encodedBy("i"))))),
        SLICED)).as("below a list, however deep").contains(LayoutFeature.DICTIONARY_IN_LIST);
    assertThat(features(ArrowLayout.leaf("tsu:UTC", "t"), SLICED)).contains(LayoutFeature.TIMESTAMP_WITH_ZONE)
        .doesNotContain(LayoutFeature.TIMESTAMP_WITHOUT_ZONE);
    assertThat(features(ArrowLayout.leaf("tsu:", "t"), SLICED)).contains(LayoutFeature.TIMESTAMP_WITHOUT_ZONE)
        .doesNotContain(LayoutFeature.TIMESTAMP_WITH_ZONE);
    assertThat(features(LayoutFormats.map("i", u, true), SLICED)).contains(LayoutFeature.MAP_KEYS_SORTED)
        .doesNotContain(LayoutFeature.MAP_KEYS_UNSORTED);
    assertThat(features(LayoutFormats.map("i", u, false), SLICED)).contains(LayoutFeature.MAP_KEYS_UNSORTED)
        .doesNotContain(LayoutFeature.MAP_KEYS_SORTED);
    assertThat(features(ArrowLayout.leaf("vz", "v"), new BatchShape(3, 0, BatchShape.Nulls.SOME, 1)))
        .contains(LayoutFeature.VIEW_INLINE_VALUE, LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
    assertThat(features(ArrowLayout.leaf("vz", "v"), new BatchShape(1, 0, BatchShape.Nulls.SOME, 1)))
        .contains(LayoutFeature.VIEW_INLINE_VALUE).doesNotContain(LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
    assertThat(features(ArrowLayout.leaf("vz", "v"), new BatchShape(0, 0, BatchShape.Nulls.SOME, 1)))
        .doesNotContain(LayoutFeature.VIEW_INLINE_VALUE);
    assertThat(features(u.withMetadata(LayoutFormats.EXTENSION), SLICED)).contains(LayoutFeature.EXTENSION_TYPE)
        .doesNotContain(LayoutFeature.FIELD_METADATA);
    assertThat(features(u.withMetadata(LayoutFormats.CUSTOM), SLICED)).contains(LayoutFeature.FIELD_METADATA)
        .doesNotContain(LayoutFeature.EXTENSION_TYPE);
    ArrowLayout four = ArrowLayout.nested("+l", "a", List.of(ArrowLayout.nested("+l", "b", List.of(
        ArrowLayout.nested("+l", "c", List.of(ArrowLayout.nested("+l", "d", List.of(u))))))));
    assertThat(features(four, SLICED)).contains(LayoutFeature.NESTED_FOUR_DEEP);
    assertThat(features(four.children().get(0), SLICED)).doesNotContain(LayoutFeature.NESTED_FOUR_DEEP);
    assertThat(features(u, new BatchShape(3, 0, BatchShape.Nulls.SOME, 1))).doesNotContain(LayoutFeature.SLICED);
  }

  /** A plain sliced utf8 array exercises only its family, a top level that is not a struct and the slice. */
  @Test
  void aPlainArrayHasNoOtherFeature() {
    for (String format : List.of("u", "i", "tdD")) {
      assertThat(features(ArrowLayout.leaf(format, "a"), SLICED)).as(format)
          .containsExactly(LayoutFeature.TOP_LEVEL_NOT_STRUCT, LayoutFeature.SLICED);
    }
    LayoutCoverage coverage = new LayoutCoverage();
    coverage.record(new LayoutBatch(ArrowLayout.leaf("u", "u").encodedBy("i"), SLICED));
    assertThat(coverage.count(TypeKind.UTF8)).as("the dictionary's family").isEqualTo(1);
    assertThat(coverage.count(TypeKind.INT32)).isEqualTo(1);
    assertThat(features(ArrowLayout.nested("+s", "s", List.of(ArrowLayout.leaf("u", "u"))), SLICED))
        .containsExactly(LayoutFeature.SLICED);
  }

  /** A view's value is out of line only when some variadic buffer holds bytes: none, or an empty one, is not. */
  @Test
  void outOfLineNeedsVariadicBytes() {
    ArrowLayout view = ArrowLayout.leaf("vz", "v");
    byte[] views = new byte[16];
    assertThat(viewFeatures(new ArrayContent(view, 1, 0, 0, java.util.Arrays.asList(null, views, new byte[0]), List.of(),
        java.util.Optional.empty()))).contains(LayoutFeature.VIEW_INLINE_VALUE).doesNotContain(LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
    assertThat(viewFeatures(new ArrayContent(view, 1, 0, 0, java.util.Arrays.asList(null, views, new byte[0], new byte[8]),
        List.of(), java.util.Optional.empty()))).doesNotContain(LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
    assertThat(viewFeatures(new ArrayContent(view, 1, 0, 0, java.util.Arrays.asList(null, views, new byte[0], new byte[0],
        new byte[16]), List.of(), java.util.Optional.empty()))).doesNotContain(LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
    assertThat(viewFeatures(new ArrayContent(view, 1, 0, 0, java.util.Arrays.asList(null, views, new byte[0], new byte[13],
        new byte[16]), List.of(), java.util.Optional.empty()))).contains(LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
  }

  private static List<LayoutFeature> viewFeatures(ArrayContent content) {
    LayoutCoverage coverage = new LayoutCoverage();
    coverage.record(content);
    return java.util.Arrays.stream(LayoutFeature.values()).filter(f -> coverage.count(f) > 0).toList();
  }

  private static List<LayoutFeature> features(ArrowLayout layout, BatchShape shape) {
    LayoutCoverage coverage = new LayoutCoverage();
    coverage.record(new LayoutBatch(layout, shape));
    return java.util.Arrays.stream(LayoutFeature.values()).filter(f -> coverage.count(f) > 0).toList();
  }
}
