package dev.arrowownership.generate;

import dev.arrowownership.cdata.DataType;
import dev.arrowownership.cdata.TypeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Builds valid buffers for any {@link ArrowLayout} (spec: "Arrow Columnar Format", each physical
 * layout): the values come from the shape's seed; nested arrays get offsets of their own, up to the
 * shape's. A struct's or sparse union's children hold {@code offset + length} values of their parent,
 * as do a fixed-size list's ({@code size} times); a list's child holds what its offsets reach.
 */
final class ContentBuilder {
  private final Random random;
  private final BatchShape shape;
  private final LeafContent leaves;

  ContentBuilder(BatchShape shape) {
    this.shape = shape;
    this.random = new Random(shape.seed());
    this.leaves = new LeafContent(random);
  }

  ArrayContent build(ArrowLayout field, long length, long offset) {
    int slots = Math.toIntExact(offset + length);
    if (field.dictionary().isPresent()) {
      return dictionaryEncoded(field, length, offset, slots);
    }
    DataType type = field.type();
    return switch (type.kind()) {
      case NULL -> content(field, length, offset, length, List.of(), List.of());
      case SPARSE_UNION -> sparseUnion(field, length, offset, slots);
      case DENSE_UNION -> denseUnion(field, length, offset, slots);
      case RUN_END_ENCODED -> runEndEncoded(field, length, offset, slots);
      default -> withValidity(field, length, offset, slots, type);
    };
  }

  private ArrayContent withValidity(ArrowLayout field, long length, long offset, int slots, DataType type) {
    LeafContent.Validity validity = leaves.validity(field.nullable() ? shape.nulls() : null, slots, offset);
    List<byte[]> buffers = new ArrayList<>();
    buffers.add(validity.bitmap());
    List<ArrayContent> children = new ArrayList<>();
    switch (type.kind()) {
      case BOOL -> buffers.add(leaves.bits(slots));
      case BINARY, UTF8 -> buffers.addAll(leaves.binary(slots, 4, type.kind() == TypeKind.UTF8));
      case LARGE_BINARY, LARGE_UTF8 -> buffers.addAll(leaves.binary(slots, 8, type.kind() == TypeKind.LARGE_UTF8));
      case BINARY_VIEW, UTF8_VIEW -> buffers.addAll(leaves.views(slots));
      case LIST, MAP -> children.add(list(field, slots, 4, buffers));
      case LARGE_LIST -> children.add(list(field, slots, 8, buffers));
      case LIST_VIEW -> children.add(listView(field, slots, 4, buffers));
      case LARGE_LIST_VIEW -> children.add(listView(field, slots, 8, buffers));
      case FIXED_SIZE_LIST -> children.add(child(field, 0, (long) slots * type.fixedSize()));
      case STRUCT -> field.children().forEach(c -> children.add(build(c, slots, nestedOffset())));
      case TIME32, TIME64 -> buffers.add(leaves.timesOfDay(slots, type.bitWidth() / 8, type.unit()));
      case DATE64 -> buffers.add(leaves.dates64(slots));
      case DECIMAL32, DECIMAL64, DECIMAL128, DECIMAL256 ->
          buffers.add(leaves.decimals(slots, type.bitWidth() / 8, type.precision()));
      default -> buffers.add(leaves.bytes(slots * (type.bitWidth() / 8)));
    }
    return content(field, length, offset, validity.nullCount(), buffers, children);
  }

  private ArrayContent list(ArrowLayout field, int slots, int width, List<byte[]> buffers) {
    long[] offsets = new long[slots + 1];
    for (int i = 0; i < slots; i++) {
      offsets[i + 1] = offsets[i] + random.nextInt(4);
    }
    buffers.add(LeafContent.integers(offsets, width));
    return child(field, 0, offsets[slots]);
  }

  /** Views into a child of its own length, out of order and overlapping, as list-views allow. */
  private ArrayContent listView(ArrowLayout field, int slots, int width, List<byte[]> buffers) {
    int childLength = random.nextInt(7);
    long[] starts = new long[slots];
    long[] sizes = new long[slots];
    for (int i = 0; i < slots; i++) {
      sizes[i] = random.nextInt(childLength + 1);
      starts[i] = random.nextInt((int) (childLength - sizes[i]) + 1);
    }
    buffers.add(LeafContent.integers(starts, width));
    buffers.add(LeafContent.integers(sizes, width));
    return child(field, 0, childLength);
  }

  private ArrayContent sparseUnion(ArrowLayout field, long length, long offset, int slots) {
    byte[] typeIds = typeIds(field, slots, new int[field.children().size()]);
    List<ArrayContent> children = new ArrayList<>();
    field.children().forEach(c -> children.add(build(c, slots, nestedOffset())));
    return content(field, length, offset, 0, List.of(typeIds), children);
  }

  private ArrayContent denseUnion(ArrowLayout field, long length, long offset, int slots) {
    int[] counts = new int[field.children().size()];
    long[] offsets = new long[slots];
    byte[] typeIds = typeIds(field, slots, counts, offsets);
    List<ArrayContent> children = new ArrayList<>();
    for (int j = 0; j < counts.length; j++) {
      children.add(build(field.children().get(j), counts[j], nestedOffset()));
    }
    return content(field, length, offset, 0, List.of(typeIds, LeafContent.integers(offsets, 4)), children);
  }

  /** Each slot's type id, counting the slots of each child; {@code offsets}, if given, gets each slot's index in its child. */
  private byte[] typeIds(ArrowLayout field, int slots, int[] counts, long... offsets) {
    List<Integer> ids = field.type().typeIds();
    byte[] typeIds = new byte[slots];
    for (int i = 0; i < slots; i++) {
      int child = random.nextInt(ids.size());
      typeIds[i] = (byte) (int) ids.get(child);
      if (offsets.length > 0) {
        offsets[i] = counts[child];
      }
      counts[child]++;
    }
    return typeIds;
  }

  private ArrayContent runEndEncoded(ArrowLayout field, long length, long offset, int slots) {
    int runs = slots == 0 ? 0 : 1 + random.nextInt(Math.min(slots, 4));
    List<Integer> cuts = new ArrayList<>();
    for (int end = 1; end < slots; end++) {
      cuts.add(end);
    }
    Collections.shuffle(cuts, random);
    long[] ends = new long[runs];
    for (int k = 0; k < runs - 1; k++) {
      ends[k] = cuts.get(k);
    }
    java.util.Arrays.sort(ends, 0, Math.max(runs - 1, 0));
    if (runs > 0) {
      ends[runs - 1] = slots;
    }
    ArrowLayout endsField = field.children().get(0);
    byte[] data = LeafContent.integers(ends, endsField.type().bitWidth() / 8);
    ArrayContent runEnds = content(endsField, runs, 0, 0, java.util.Arrays.asList(null, data), List.of());
    return content(field, length, offset, 0, List.of(), List.of(runEnds, child(field, 1, runs)));
  }

  private ArrayContent dictionaryEncoded(ArrowLayout field, long length, long offset, int slots) {
    int values = 1 + random.nextInt(4);
    ArrayContent dictionary = build(field.dictionary().get(), values, nestedOffset());
    LeafContent.Validity validity = leaves.validity(field.nullable() ? shape.nulls() : null, slots, offset);
    long[] indices = new long[slots];
    for (int i = 0; i < slots; i++) {
      indices[i] = random.nextInt(values);
    }
    byte[] data = LeafContent.integers(indices, field.type().bitWidth() / 8);
    return new ArrayContent(field, length, offset, validity.nullCount(), java.util.Arrays.asList(validity.bitmap(), data),
        List.of(), Optional.of(dictionary));
  }

  private ArrayContent child(ArrowLayout field, int index, long length) {
    return build(field.children().get(index), length, nestedOffset());
  }

  /** A nested array's own offset: none unless the batch is sliced, then up to the batch's offset. */
  private long nestedOffset() {
    return shape.offset() == 0 ? 0 : random.nextInt(shape.offset() + 1);
  }

  private static ArrayContent content(ArrowLayout field, long length, long offset, long nullCount, List<byte[]> buffers,
      List<ArrayContent> children) {
    return new ArrayContent(field, length, offset, nullCount, buffers, children, Optional.empty());
  }
}
