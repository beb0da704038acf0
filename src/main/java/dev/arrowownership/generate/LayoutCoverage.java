package dev.arrowownership.generate;

import dev.arrowownership.cdata.SchemaNode;
import dev.arrowownership.cdata.TypeKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which type families ({@link TypeKind}) and {@link LayoutFeature}s the batches a property checked
 * exercised, each with the number of batches that had it: the coverage report of a generated run.
 * {@link #assertComplete()} fails naming what was never generated. Thread-safe.
 */
public final class LayoutCoverage {
  private static final Set<TypeKind> LISTS = EnumSet.of(TypeKind.LIST, TypeKind.LARGE_LIST, TypeKind.LIST_VIEW,
      TypeKind.LARGE_LIST_VIEW, TypeKind.FIXED_SIZE_LIST);
  private static final Set<TypeKind> SIGNED = EnumSet.of(TypeKind.INT8, TypeKind.INT16, TypeKind.INT32, TypeKind.INT64);
  private final Map<TypeKind, Long> families = new EnumMap<>(TypeKind.class);
  private final Map<LayoutFeature, Long> features = new EnumMap<>(LayoutFeature.class);
  private long batches;

  /** Counts what {@code batch} exercises. */
  public void record(LayoutBatch batch) {
    record(batch.content());
  }

  /** Counts what the array {@code content} exercises. */
  public synchronized void record(ArrayContent content) {
    Set<TypeKind> kinds = EnumSet.noneOf(TypeKind.class);
    Set<LayoutFeature> seen = EnumSet.noneOf(LayoutFeature.class);
    if (content.layout().kind() != TypeKind.STRUCT) {
      seen.add(LayoutFeature.TOP_LEVEL_NOT_STRUCT);
    }
    if (content.length() == 0) {
      seen.add(LayoutFeature.ZERO_LENGTH);
    }
    if (content.layout().depth() >= 5) {
      seen.add(LayoutFeature.NESTED_FOUR_DEEP);
    }
    walk(content, false, kinds, seen);
    batches++;
    kinds.forEach(k -> families.merge(k, 1L, Long::sum));
    seen.forEach(f -> features.merge(f, 1L, Long::sum));
  }

  private static void walk(ArrayContent node, boolean inList, Set<TypeKind> kinds, Set<LayoutFeature> seen) {
    ArrowLayout layout = node.layout();
    TypeKind kind = layout.kind();
    kinds.add(kind);
    long slots = node.offset() + node.length();
    if (node.offset() > 0) {
      seen.add(LayoutFeature.SLICED);
    }
    if (kind.hasValidity() && node.length() > 0) {
      if (layout.nullable() && node.buffers().get(0) == null) {
        seen.add(LayoutFeature.NO_VALIDITY_BUFFER);
      }
      if (node.nullCount() == node.length()) {
        seen.add(LayoutFeature.ALL_NULL);
      }
    }
    if (layout.isExtension()) {
      seen.add(LayoutFeature.EXTENSION_TYPE);
    } else if (!layout.metadata().isEmpty()) {
      seen.add(LayoutFeature.FIELD_METADATA);
    }
    if (layout.children().stream().map(ArrowLayout::name).distinct().count() < layout.children().size()) {
      seen.add(LayoutFeature.DUPLICATE_FIELD_NAMES);
    }
    if (kind == TypeKind.TIMESTAMP) {
      seen.add(layout.type().zone().isPresent() ? LayoutFeature.TIMESTAMP_WITH_ZONE : LayoutFeature.TIMESTAMP_WITHOUT_ZONE);
    }
    if (kind == TypeKind.MAP) {
      seen.add((layout.flags() & SchemaNode.MAP_KEYS_SORTED) != 0 ? LayoutFeature.MAP_KEYS_SORTED
          : LayoutFeature.MAP_KEYS_UNSORTED);
    }
    if (kind.isView() && slots > 0) {
      seen.add(LayoutFeature.VIEW_INLINE_VALUE); // slot 0 is always inline
      if (variadicBytes(node) > 0) {
        seen.add(LayoutFeature.VIEW_OUT_OF_LINE_VALUE);
      }
    }
    node.dictionary().ifPresent(dictionary -> {
      seen.add(SIGNED.contains(kind) ? LayoutFeature.DICTIONARY_SIGNED_INDEX : LayoutFeature.DICTIONARY_UNSIGNED_INDEX);
      if (!dictionary.layout().children().isEmpty()) {
        seen.add(LayoutFeature.DICTIONARY_OF_NESTED_TYPE);
      }
      if (inList) {
        seen.add(LayoutFeature.DICTIONARY_IN_LIST);
      }
      walk(dictionary, inList, kinds, seen);
    });
    boolean childrenInList = inList || LISTS.contains(kind);
    for (ArrayContent child : node.children()) {
      walk(child, childrenInList, kinds, seen);
    }
  }

  /** The bytes in the variadic buffers of a view array: values held out of line. */
  private static long variadicBytes(ArrayContent view) {
    long bytes = 0;
    for (int k = 0; k < view.variadicBuffers(); k++) {
      bytes += view.buffers().get(2 + k).length;
    }
    return bytes;
  }

  /** The number of batches recorded. */
  public synchronized long batches() {
    return batches;
  }

  /** How many recorded batches had {@code kind} somewhere in them. */
  public synchronized long count(TypeKind kind) {
    return families.getOrDefault(kind, 0L);
  }

  /** How many recorded batches had {@code feature}. */
  public synchronized long count(LayoutFeature feature) {
    return features.getOrDefault(feature, 0L);
  }

  /** The families and features no recorded batch had, families first. */
  public synchronized List<String> missing() {
    List<String> missing = new ArrayList<>();
    for (TypeKind kind : TypeKind.values()) {
      if (count(kind) == 0) {
        missing.add(kind.label());
      }
    }
    for (LayoutFeature feature : LayoutFeature.values()) {
      if (count(feature) == 0) {
        missing.add(feature.name());
      }
    }
    return missing;
  }

  /**
   * Fails if some family or feature was never generated.
   *
   * @throws AssertionError naming each one missing, with the report
   */
  public void assertComplete() {
    List<String> missing = missing();
    if (!missing.isEmpty()) {
      throw new AssertionError("never generated in " + batches() + " batches: " + missing + "\n" + report());
    }
  }

  /** A Markdown table of every family and feature with its count. */
  public synchronized String report() {
    StringBuilder text = new StringBuilder("| family or feature | batches |\n|---|---|\n");
    for (TypeKind kind : TypeKind.values()) {
      text.append("| ").append(kind.label()).append(" | ").append(count(kind)).append(" |\n");
    }
    for (LayoutFeature feature : LayoutFeature.values()) {
      text.append("| ").append(feature.name()).append(" | ").append(count(feature)).append(" |\n");
    }
    return text.append("\n").append(batches).append(" batches\n").toString();
  }
}
