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
final class LayoutTour {
  private LayoutTour() {}

  static List<LayoutBatch> batches() {
    List<ArrowLayout> layouts = new ArrayList<>(ArrowArbitraries.leaves());
    ArrowLayout i = leaf("i", "i");
    ArrowLayout u = leaf("u", "u");
    for (String list : ArrowArbitraries.LIST_FORMATS) {
      layouts.add(nested(list, "l", List.of(u)));
    }
    layouts.add(nested("+s", "s", List.of(i, u)));
    layouts.add(ArrowArbitraries.map("u", i, true));
    layouts.add(ArrowArbitraries.map("i", u, false));
    layouts.add(ArrowArbitraries.union("s", List.of(i, u), false));
    layouts.add(ArrowArbitraries.union("d", List.of(i, u, leaf("vu", "v")), true));
    layouts.add(ArrowArbitraries.runEndEncoded("s", u));
    layouts.add(ArrowArbitraries.runEndEncoded("l", i));
    for (String index : ArrowArbitraries.INDEX_FORMATS) {
      layouts.add(u.encodedBy(index));
    }
    layouts.add(nested("+l", "l", List.of(leaf("vz", "v"))).encodedBy("C"));
    layouts.add(nested("+l", "l", List.of(u.encodedBy("s"))));
    layouts.add(i.withMetadata(ArrowArbitraries.EXTENSION));
    layouts.add(u.withMetadata(ArrowArbitraries.CUSTOM));
    layouts.add(ArrowArbitraries.recordBatch(List.of(i.named("a"), u.named("a"), leaf("vu", "a"))));
    layouts.add(ArrowArbitraries.recordBatch(List.of(nested("+l", "a", List.of(nested("+s", "b", List.of(
        nested("+vL", "c", List.of(nested("+w:2", "d", List.of(ArrowArbitraries.runEndEncoded("i", u))))))))))));
    List<LayoutBatch> batches = new ArrayList<>();
    for (int k = 0; k < layouts.size(); k++) {
      batches.add(new LayoutBatch(layouts.get(k), new BatchShape(5, 1, BatchShape.Nulls.SOME, k)));
    }
    ArrowLayout batch = ArrowArbitraries.recordBatch(List.of(i, u, nested("+l", "l", List.of(leaf("vz", "v")))));
    batches.add(new LayoutBatch(batch, new BatchShape(0, 0, BatchShape.Nulls.SOME, 1)));
    batches.add(new LayoutBatch(batch, new BatchShape(4, 0, BatchShape.Nulls.NO_VALIDITY_BUFFER, 2)));
    batches.add(new LayoutBatch(batch, new BatchShape(4, 2, BatchShape.Nulls.ALL, 3)));
    return List.copyOf(batches);
  }
}
