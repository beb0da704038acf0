package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.TypeKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The arbitraries keep their bounds: depth, size, lengths, offsets; a top-level struct is a record batch. */
class ArrowArbitrariesTest {

  /** Generated schemas stay within the depth and node bounds; null fields are nullable; top structs are record batches. */
  @Test
  void schemasKeepTheirBounds() {
    List<ArrowLayout> schemas = ArrowArbitraries.schemas().sampleStream().limit(300).collect(Collectors.toList());
    int deepest = 0;
    for (ArrowLayout schema : schemas) {
      assertThat(schema.depth()).as("%s", schema).isLessThanOrEqualTo(ArrowArbitraries.MAX_DEPTH + 1);
      assertThat(schema.size()).as("%s", schema).isLessThanOrEqualTo(ArrowArbitraries.MAX_NODES);
      deepest = Math.max(deepest, schema.depth());
      if (schema.kind() == TypeKind.STRUCT) {
        assertThat(schema.nullable()).isFalse();
        assertThat(schema.name()).isEmpty();
      }
      assertNullTypesNullable(schema);
    }
    assertThat(deepest).isGreaterThan(2);
    assertThat(schemas.stream().map(ArrowLayout::kind).distinct().count()).isGreaterThan(20);
  }

  /** Batches and streams of a schema keep it, with shapes within bounds. */
  @Test
  void batchesAndStreamsOfASchema() {
    ArrowLayout schema = ArrowLayout.leaf("vu", "v");
    for (LayoutBatch batch : ArrowArbitraries.batches(schema).sampleStream().limit(50).toList()) {
      assertThat(batch.layout()).isSameAs(schema);
      assertThat(batch.shape().length()).isBetween(0, ArrowArbitraries.MAX_LENGTH);
      assertThat(batch.shape().offset()).isBetween(0, ArrowArbitraries.MAX_OFFSET);
    }
    for (LayoutStream stream : ArrowArbitraries.streams(schema).sampleStream().limit(20).toList()) {
      assertThat(stream.layout()).isSameAs(schema);
      assertThat(stream.batches()).hasSizeLessThanOrEqualTo(4);
    }
    assertThat(ArrowArbitraries.layoutStreams().sampleStream().limit(20).toList()).allMatch(s -> s.batches().size() <= 4);
    assertThat(ArrowArbitraries.layoutBatches().sampleStream().limit(20).toList()).allMatch(b -> b.layout().size() <= 16);
  }

  /** The bounds are inclusive: depth MAX_DEPTH + 1 and MAX_NODES nodes fit, one more does not. */
  @Test
  void fitsIsInclusive() {
    ArrowLayout deep = ArrowLayout.leaf("i", "i");
    for (int level = 0; level < ArrowArbitraries.MAX_DEPTH; level++) {
      deep = ArrowLayout.nested("+l", "l", List.of(deep));
    }
    assertThat(ArrowArbitraries.fits(deep)).isTrue();
    assertThat(ArrowArbitraries.fits(ArrowLayout.nested("+l", "l", List.of(deep)))).isFalse();
    List<ArrowLayout> fifteen = java.util.Collections.nCopies(ArrowArbitraries.MAX_NODES - 1, ArrowLayout.leaf("i", "i"));
    assertThat(ArrowArbitraries.fits(ArrowLayout.nested("+s", "s", fifteen))).isTrue();
    List<ArrowLayout> sixteen = java.util.Collections.nCopies(ArrowArbitraries.MAX_NODES, ArrowLayout.leaf("i", "i"));
    assertThat(ArrowArbitraries.fits(ArrowLayout.nested("+s", "s", sixteen))).isFalse();
  }

  /** Decoration keeps null-type fields nullable and makes others either. */
  @Test
  void decorationKeepsNullTypesNullable() {
    assertThat(ArrowArbitraries.decorated(net.jqwik.api.Arbitraries.just(ArrowLayout.leaf("n", "n").nullable(false)))
        .sampleStream().limit(40).toList()).allMatch(ArrowLayout::nullable);
    List<ArrowLayout> ints = ArrowArbitraries.decorated(net.jqwik.api.Arbitraries.just(ArrowLayout.leaf("i", "i")))
        .sampleStream().limit(40).toList();
    assertThat(ints).anyMatch(ArrowLayout::nullable).anyMatch(field -> !field.nullable());
  }

  private static void assertNullTypesNullable(ArrowLayout layout) {
    if (layout.format().equals("n")) {
      assertThat(layout.nullable()).as("a null-type field is nullable").isTrue();
    }
    layout.children().forEach(ArrowArbitrariesTest::assertNullTypesNullable);
    layout.dictionary().ifPresent(ArrowArbitrariesTest::assertNullTypesNullable);
  }
}
