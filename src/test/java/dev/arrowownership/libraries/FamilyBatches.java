package dev.arrowownership.libraries;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.generate.BatchShape;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutFormats;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One small generated batch per type family ({@link TypeKind}, as {@code LayoutCoverage} names them):
 * the first batch of the kit's tour whose top-level array is of that family (5 rows, offset 1, some
 * nulls), or the same wrapped as the only column of a record batch, for importers that take a struct.
 */
final class FamilyBatches {
  private FamilyBatches() {}

  /** Each family's top-level batch, in {@link TypeKind} order. */
  static Map<TypeKind, LayoutBatch> topLevel() {
    Map<TypeKind, LayoutBatch> batches = new EnumMap<>(TypeKind.class);
    for (LayoutBatch batch : ArrowArbitraries.tour()) {
      batches.putIfAbsent(batch.layout().kind(), batch);
    }
    if (batches.size() != TypeKind.values().length) {
      throw new IllegalStateException("the tour has no top-level batch of some family: has " + batches.keySet());
    }
    return batches;
  }

  /** Each family's batch as the only column of a record batch (a top-level struct) of the same shape. */
  static Map<TypeKind, LayoutBatch> asColumn() {
    return asColumn(-1);
  }

  /**
   * The same with the record batch at {@code offset} instead (-1: the tour's), for consumers that
   * refuse a sliced record batch whose columns are longer than it.
   */
  static Map<TypeKind, LayoutBatch> asColumn(int offset) {
    Map<TypeKind, LayoutBatch> batches = new EnumMap<>(TypeKind.class);
    topLevel().forEach((kind, batch) -> {
      BatchShape shape = batch.shape();
      batches.put(kind, new LayoutBatch(LayoutFormats.recordBatch(List.of(batch.layout())), offset < 0 ? shape
          : new BatchShape(shape.length(), offset, shape.nulls(), shape.seed())));
    });
    return batches;
  }
}
