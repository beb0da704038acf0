package dev.arrowownership.generate;

import static dev.arrowownership.generate.ArrowLayout.leaf;
import static dev.arrowownership.generate.ArrowLayout.nested;

import java.util.ArrayList;
import java.util.List;

/**
 * One small batch of every type family and shape the arbitraries generate: every leaf format as a
 * top-level array, each nested type over a leaf, the dictionary and metadata cases, a record batch
 * with duplicate names, a field nested five levels, and the empty, unbuffered, all-null and sliced
 * shapes. Properties run it first, so every family is exercised whatever the number of tries.
 */
public final class LayoutTour {
  private LayoutTour() {}

  /** The tour's batches, smallest first (also {@link ArrowArbitraries#tour()}, which needs jqwik on the class path). */
  public static List<LayoutBatch> batches() {
    List<ArrowLayout> layouts = new ArrayList<>(LayoutFormats.leaves());
    ArrowLayout i = leaf("i", "i");
    ArrowLayout u = leaf("u", "u");
    for (String list : LayoutFormats.LIST_FORMATS) {
      layouts.add(nested(list, "l", List.of(u)));
    }
    layouts.add(nested("+s", "s", List.of(i, u)));
    layouts.add(LayoutFormats.map("u", i, true));
    layouts.add(LayoutFormats.map("i", u, false));
    layouts.add(LayoutFormats.union("s", List.of(i, u), false));
    layouts.add(LayoutFormats.union("d", List.of(i, u, leaf("vu", "v")), true));
    layouts.add(LayoutFormats.runEndEncoded("s", u));
    layouts.add(LayoutFormats.runEndEncoded("l", i));
    for (String index : LayoutFormats.INDEX_FORMATS) {
      layouts.add(u.encodedBy(index));
    }
    layouts.add(nested("+l", "l", List.of(leaf("vz", "v"))).encodedBy("C"));
    layouts.add(nested("+l", "l", List.of(u.encodedBy("s"))));
    layouts.add(i.withMetadata(LayoutFormats.EXTENSION));
    layouts.add(u.withMetadata(LayoutFormats.CUSTOM));
    layouts.add(LayoutFormats.recordBatch(List.of(i.named("a"), u.named("a"), leaf("vu", "a"))));
    layouts.add(LayoutFormats.recordBatch(List.of(nested("+l", "a", List.of(nested("+s", "b", List.of(
        nested("+vL", "c", List.of(nested("+w:2", "d", List.of(LayoutFormats.runEndEncoded("i", u))))))))))));
    List<LayoutBatch> batches = new ArrayList<>();
    for (int k = 0; k < layouts.size(); k++) {
      batches.add(new LayoutBatch(layouts.get(k), new BatchShape(5, 1, BatchShape.Nulls.SOME, k)));
    }
    ArrowLayout batch = LayoutFormats.recordBatch(List.of(i, u, nested("+l", "l", List.of(leaf("vz", "v")))));
    batches.add(new LayoutBatch(batch, new BatchShape(0, 0, BatchShape.Nulls.SOME, 1)));
    batches.add(new LayoutBatch(batch, new BatchShape(4, 0, BatchShape.Nulls.NO_VALIDITY_BUFFER, 2)));
    batches.add(new LayoutBatch(batch, new BatchShape(4, 2, BatchShape.Nulls.ALL, 3)));
    return List.copyOf(batches);
  }
}
