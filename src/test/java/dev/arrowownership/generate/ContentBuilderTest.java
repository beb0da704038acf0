package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The buffers of nested layouts: offsets, sizes, type ids and run ends that index what exists. */
class ContentBuilderTest {
  private static final ArrowLayout I = ArrowLayout.leaf("i", "i");
  private static final ArrowLayout U = ArrowLayout.leaf("u", "u");

  /** Fixed widths take their bytes per slot; utf8 is letters, binary is not; non-nullable fields have no bitmap. */
  @Test
  void leavesAndValidity() {
    ArrayContent ints = build(I, 5, 2, BatchShape.Nulls.ALL, 1);
    assertThat(ints.buffers().get(1)).hasSize(28);
    assertThat(ints.nullCount()).isEqualTo(5);
    assertThat(build(ArrowLayout.leaf("d:40,5,256", "d"), 3, 0, BatchShape.Nulls.SOME, 1).buffers().get(1)).hasSize(96);
    ArrayContent required = build(I.nullable(false), 5, 0, BatchShape.Nulls.ALL, 1);
    assertThat(required.buffers().get(0)).isNull();
    assertThat(required.nullCount()).isZero();
    assertThat(build(ArrowLayout.leaf("n", "n"), 4, 1, BatchShape.Nulls.SOME, 1).nullCount()).isEqualTo(4);
    assertThat(letters(build(U, 30, 0, BatchShape.Nulls.SOME, 1).buffers().get(2))).isTrue();
    assertThat(letters(build(ArrowLayout.leaf("U", "u"), 30, 0, BatchShape.Nulls.SOME, 1).buffers().get(2))).isTrue();
    assertThat(letters(build(ArrowLayout.leaf("z", "z"), 30, 0, BatchShape.Nulls.SOME, 1).buffers().get(2))).isFalse();
    assertThat(letters(build(ArrowLayout.leaf("Z", "z"), 30, 0, BatchShape.Nulls.SOME, 1).buffers().get(2))).isFalse();
    assertThat(build(ArrowLayout.leaf("Z", "z"), 3, 0, BatchShape.Nulls.SOME, 1).buffers().get(1)).hasSize(32);
  }

  /** A list's child holds what its last offset reaches, and the offsets grow. */
  @Test
  void listOffsetsReachTheChild() {
    ArrayContent list = build(ArrowLayout.nested("+l", "l", List.of(I)), 10, 0, BatchShape.Nulls.SOME, 5);
    long[] offsets = LeafContentTest.read(list.buffers().get(1), 4);
    assertThat(offsets[10]).isPositive().isEqualTo(list.children().get(0).length());
    ArrayContent fixed = build(ArrowLayout.nested("+w:2", "l", List.of(I)), 4, 1, BatchShape.Nulls.SOME, 5);
    assertThat(fixed.children().get(0).length()).isEqualTo(10);
  }

  /** List-view offsets and sizes stay inside the child, and some views are not empty. */
  @Test
  void listViewsStayInsideTheChild() {
    long nonEmpty = 0;
    for (int seed = 0; seed < 5; seed++) {
      ArrayContent view = build(ArrowLayout.nested("+vL", "l", List.of(I)), 8, 0, BatchShape.Nulls.SOME, seed);
      long[] starts = LeafContentTest.read(view.buffers().get(1), 8);
      long[] sizes = LeafContentTest.read(view.buffers().get(2), 8);
      long child = view.children().get(0).length();
      for (int i = 0; i < 8; i++) {
        assertThat(starts[i] + sizes[i]).isLessThanOrEqualTo(child);
        nonEmpty += sizes[i] > 0 ? 1 : 0;
      }
    }
    assertThat(nonEmpty).isPositive();
  }

  /** Union type ids are the declared ones; a dense union's offsets count each child's slots. */
  @Test
  void unions() {
    ArrowLayout dense = LayoutFormats.union("d", List.of(I, U), true);
    ArrayContent content = build(dense, 12, 0, BatchShape.Nulls.SOME, 3);
    byte[] typeIds = content.buffers().get(0);
    long[] offsets = LeafContentTest.read(content.buffers().get(1), 4);
    int[] counts = new int[2];
    for (int i = 0; i < 12; i++) {
      int child = typeIds[i] == 4 ? 0 : 1;
      assertThat((int) typeIds[i]).isIn(4, 1);
      assertThat(offsets[i]).isEqualTo(counts[child]++);
    }
    assertThat(content.children().get(0).length()).isEqualTo(counts[0]);
    assertThat(content.children().get(1).length()).isEqualTo(counts[1]);
    assertThat(counts[0]).isPositive();
    assertThat(counts[1]).isPositive();
    ArrayContent sparse = build(LayoutFormats.union("s", List.of(I, U), false), 6, 2, BatchShape.Nulls.SOME, 3);
    assertThat(sparse.buffers()).hasSize(1);
    assertThat(sparse.children()).allMatch(child -> child.length() == 8);
  }

  /** Run ends increase strictly to offset + length; one value per run; an empty array has no run. */
  @Test
  void runEnds() {
    Set<Long> firstEnds = new HashSet<>();
    Set<Long> runCounts = new HashSet<>();
    for (int seed = 0; seed < 10; seed++) {
      ArrayContent ree = build(LayoutFormats.runEndEncoded("l", U), 6, 2, BatchShape.Nulls.SOME, seed);
      ArrayContent ends = ree.children().get(0);
      long[] values = LeafContentTest.read(ends.buffers().get(1), 8);
      assertThat(values).hasSize((int) ends.length()).isSorted().doesNotHaveDuplicates();
      assertThat(values[values.length - 1]).isEqualTo(8);
      assertThat(ree.children().get(1).length()).isEqualTo(ends.length());
      firstEnds.add(values[0]);
      runCounts.add(ends.length());
    }
    assertThat(firstEnds.size()).isGreaterThan(1);
    assertThat(runCounts.size()).isGreaterThan(1);
    ArrayContent single = build(LayoutFormats.runEndEncoded("s", U), 1, 0, BatchShape.Nulls.SOME, 1);
    assertThat(LeafContentTest.read(single.children().get(0).buffers().get(1), 2)).containsExactly(1);
    ArrayContent empty = build(LayoutFormats.runEndEncoded("i", U), 0, 0, BatchShape.Nulls.SOME, 1);
    assertThat(empty.children().get(0).length()).isZero();
    assertThat(empty.children().get(1).length()).isZero();
  }

  /** Dictionary indices select dictionary values, not only the first; a non-nullable encoded field has no nulls. */
  @Test
  void dictionaries() {
    Set<Long> indices = new HashSet<>();
    for (int seed = 0; seed < 5; seed++) {
      ArrayContent encoded = build(U.encodedBy("C"), 10, 0, BatchShape.Nulls.SOME, seed);
      long size = encoded.dictionary().orElseThrow().length();
      for (byte index : encoded.buffers().get(1)) {
        assertThat((long) index).isBetween(0L, size - 1);
        indices.add((long) index);
      }
    }
    assertThat(indices.size()).isGreaterThan(1);
    assertThat(build(U.encodedBy("i"), 4, 0, BatchShape.Nulls.ALL, 1).nullCount()).isEqualTo(4);
    ArrayContent required = build(U.encodedBy("i").nullable(false), 4, 0, BatchShape.Nulls.ALL, 1);
    assertThat(required.nullCount()).isZero();
    assertThat(required.buffers().get(0)).isNull();
  }

  /** Nested arrays are sliced only when the batch is, by up to its offset. */
  @Test
  void nestedOffsets() {
    ArrowLayout struct = ArrowLayout.nested("+s", "s", List.of(I, U, I, U));
    assertThat(build(struct, 3, 0, BatchShape.Nulls.SOME, 1).children()).allMatch(child -> child.offset() == 0);
    Set<Long> offsets = new HashSet<>();
    for (int seed = 0; seed < 5; seed++) {
      build(struct, 3, 2, BatchShape.Nulls.SOME, seed).children().forEach(child -> offsets.add(child.offset()));
    }
    assertThat(offsets).containsExactlyInAnyOrder(0L, 1L, 2L);
  }

  /** The same shape of the same layout gives the same bytes. */
  @Test
  void deterministic() {
    LayoutBatch batch = new LayoutBatch(ArrowLayout.nested("+l", "l", List.of(U)), new BatchShape(6, 1, BatchShape.Nulls.SOME, 4));
    assertThat(batch.content().children().get(0).buffers().get(2)).isEqualTo(batch.content().children().get(0).buffers().get(2));
    assertThat(batch.content().toString()).isEqualTo("+l length 6 offset 1 null_count " + batch.content().nullCount()
        + " n_buffers 2");
    ArrayContent views = build(ArrowLayout.leaf("vu", "v"), 7, 0, BatchShape.Nulls.SOME, 1);
    assertThat(views.variadicBuffers()).isEqualTo(views.buffers().size() - 3).isPositive();
    assertThat(build(U, 7, 0, BatchShape.Nulls.SOME, 1).variadicBuffers()).isZero();
  }

  private static ArrayContent build(ArrowLayout layout, int length, int offset, BatchShape.Nulls nulls, long seed) {
    // Spread out: the first draws of java.util.Random from small neighbouring seeds are alike.
    return new LayoutBatch(layout, new BatchShape(length, offset, nulls, seed * 0x9E3779B97F4A7C15L)).content();
  }

  private static boolean letters(byte[] bytes) {
    assertThat(bytes).isNotEmpty();
    for (byte b : bytes) {
      if (b < 'a' || b > 'z') {
        return false;
      }
    }
    return true;
  }
}
