package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.SchemaNode;
import dev.arrowownership.cdata.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout model: its notation, its flags and its measures. */
class ArrowLayoutTest {
  private final ArrowLayout i = ArrowLayout.leaf("i", "i");
  private final ArrowLayout u = ArrowLayout.leaf("u", "u");

  /** The notation names each node's format, dictionaries in braces, children in angle brackets, metadata by a tag. */
  @Test
  void printsFormatStringNotation() {
    ArrowLayout union = LayoutFormats.union("d", List.of(i, u), false);
    assertThat(ArrowLayout.nested("+l", "l", List.of(union))).hasToString("+l<+ud:0,1<i,u>>");
    assertThat(u.encodedBy("c")).hasToString("c{u}");
    assertThat(i.withMetadata(LayoutFormats.EXTENSION)).hasToString("i#ext");
    assertThat(i.withMetadata(LayoutFormats.CUSTOM)).hasToString("i#meta");
    assertThat(LayoutFormats.union("s", List.of(i, u, i), true)).hasToString("+us:7,4,1<i,u,i>");
  }

  /** Nullability, extra flags and renaming each change only what they name. */
  @Test
  void flagsAndNames() {
    assertThat(i.nullable()).isTrue();
    assertThat(i.flags()).isEqualTo(SchemaNode.NULLABLE);
    assertThat(i.nullable(false).flags()).isZero();
    assertThat(i.nullable(false).nullable(true).flags()).isEqualTo(SchemaNode.NULLABLE);
    ArrowLayout sorted = i.withFlags(SchemaNode.MAP_KEYS_SORTED);
    assertThat(sorted.flags()).isEqualTo(SchemaNode.NULLABLE | SchemaNode.MAP_KEYS_SORTED);
    assertThat(sorted.nullable(false).flags()).isEqualTo(SchemaNode.MAP_KEYS_SORTED);
    assertThat(i.named("x").name()).isEqualTo("x");
    assertThat(i.named("x").format()).isEqualTo("i");
    assertThat(LayoutFormats.recordBatch(List.of(i)).nullable()).isFalse();
    assertThat(LayoutFormats.recordBatch(List.of(i)).name()).isEmpty();
  }

  /** Depth and size count nodes, dictionaries included; kind is the index type's under a dictionary. */
  @Test
  void depthSizeAndKind() {
    assertThat(i.depth()).isEqualTo(1);
    assertThat(i.size()).isEqualTo(1);
    ArrowLayout encoded = ArrowLayout.nested("+l", "l", List.of(u)).encodedBy("S");
    assertThat(encoded.depth()).isEqualTo(3);
    assertThat(encoded.size()).isEqualTo(3);
    assertThat(encoded.kind()).isEqualTo(TypeKind.UINT16);
    assertThat(encoded.dictionary().orElseThrow().name()).isEqualTo("dictionary");
    ArrowLayout struct = ArrowLayout.nested("+s", "s", List.of(i, ArrowLayout.nested("+l", "l", List.of(u))));
    assertThat(struct.depth()).isEqualTo(3);
    assertThat(struct.size()).isEqualTo(4);
    assertThat(i.isExtension()).isFalse();
    assertThat(i.withMetadata(LayoutFormats.CUSTOM).isExtension()).isFalse();
    assertThat(i.withMetadata(LayoutFormats.EXTENSION).isExtension()).isTrue();
  }

  /** A format the kit cannot read, or a non-integer dictionary index, is refused. */
  @Test
  void refusesWhatTheKitCannotRead() {
    assertThatThrownBy(() -> ArrowLayout.leaf("?", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'?'");
    assertThatThrownBy(() -> u.encodedBy("u")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a dictionary index must be an integer type, was 'u'");
  }

  /** Shapes, batches and streams refuse what cannot be and print what they hold. */
  @Test
  void shapesBatchesAndStreams() {
    assertThatThrownBy(() -> new BatchShape(-1, 0, BatchShape.Nulls.SOME, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length and offset must be >= 0, were -1 and 0");
    assertThatThrownBy(() -> new BatchShape(0, -1, BatchShape.Nulls.SOME, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchShape(0, 0, null, 0)).isInstanceOf(IllegalArgumentException.class);
    BatchShape shape = new BatchShape(3, 1, BatchShape.Nulls.ALL, 7);
    assertThat(new LayoutBatch(u, shape)).hasToString("u length 3 offset 1 nulls ALL seed 7");
    assertThatThrownBy(() -> new LayoutBatch(null, shape)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LayoutBatch(u, null)).isInstanceOf(IllegalArgumentException.class);
    LayoutStream stream = new LayoutStream(u, List.of(shape, new BatchShape(0, 2, BatchShape.Nulls.SOME, 1)));
    assertThat(stream).hasToString("u batches of lengths [3, 0] offsets [1, 2]");
    assertThat(stream.batch(1).shape().offset()).isEqualTo(2);
    assertThatThrownBy(() -> new LayoutStream(null, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
