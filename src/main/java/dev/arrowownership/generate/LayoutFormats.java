package dev.arrowownership.generate;

import dev.arrowownership.cdata.MetadataEntry;
import dev.arrowownership.cdata.SchemaNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The formats and nested layouts the generated schemas are made of, without jqwik: {@link
 * ArrowArbitraries} draws from them, and {@link LayoutTour} (which the command line runs, where
 * jqwik is not on the class path) builds its batches from them.
 */
public final class LayoutFormats {
  /** The formats of every leaf type, {@code i} first: what a leaf shrinks to. */
  static final List<String> LEAF_FORMATS = List.of("i", "n", "b", "c", "C", "s", "S", "I", "l", "L", "e", "f", "g",
      "d:5,2,32", "d:12,2,64", "d:20,3", "d:40,5,256", "tdD", "tdm", "tts", "ttm", "ttu", "ttn", "tss:", "tsm:UTC",
      "tsu:", "tsn:Europe/Paris", "tDs", "tDm", "tDu", "tDn", "tiM", "tiD", "tin", "z", "u", "Z", "U", "w:3", "vz",
      "vu");
  /** Every dictionary index type, signed and unsigned. */
  static final List<String> INDEX_FORMATS = List.of("i", "c", "C", "s", "S", "I", "l", "L");
  static final List<String> LIST_FORMATS = List.of("+l", "+L", "+vl", "+vL", "+w:1", "+w:2");
  static final List<MetadataEntry> EXTENSION = List.of(MetadataEntry.of(MetadataEntry.EXTENSION_NAME, "kit.extension"),
      MetadataEntry.of(MetadataEntry.EXTENSION_METADATA, "{\"generated\":true}"));
  static final List<MetadataEntry> CUSTOM = List.of(MetadataEntry.of("kit.note", "generated"));

  private LayoutFormats() {}

  /** A record batch: a non-nullable struct of {@code fields}, as a C Data record batch is. */
  public static ArrowLayout recordBatch(List<ArrowLayout> fields) {
    return ArrowLayout.nested("+s", "", fields).nullable(false);
  }

  /** A map of {@code keyFormat} keys: entries and keys non-nullable, as the spec requires. */
  public static ArrowLayout map(String keyFormat, ArrowLayout value, boolean keysSorted) {
    ArrowLayout entries = ArrowLayout.nested("+s", "entries",
        List.of(ArrowLayout.leaf(keyFormat, "key").nullable(false), value.named("value"))).nullable(false);
    ArrowLayout map = ArrowLayout.nested("+m", "m", List.of(entries));
    return keysSorted ? map.withFlags(SchemaNode.MAP_KEYS_SORTED) : map;
  }

  /** A sparse ({@code s}) or dense ({@code d}) union; type ids 0, 1, ... or spread out in reverse (7, 4, 1). */
  public static ArrowLayout union(String mode, List<ArrowLayout> members, boolean spreadIds) {
    int n = members.size();
    String ids = IntStream.range(0, n).mapToObj(i -> String.valueOf(spreadIds ? 3 * (n - 1 - i) + 1 : i))
        .collect(Collectors.joining(","));
    return ArrowLayout.nested("+u" + mode + ":" + ids, "u", members);
  }

  /** A run-end encoded array of {@code values}, run ends of {@code endsFormat} (int16, int32 or int64, non-nullable). */
  public static ArrowLayout runEndEncoded(String endsFormat, ArrowLayout values) {
    return ArrowLayout.nested("+r", "r", List.of(ArrowLayout.leaf(endsFormat, "run_ends").nullable(false),
        values.named("values")));
  }

  /** Every leaf format as a top-level array named {@code f}. */
  static List<ArrowLayout> leaves() {
    List<ArrowLayout> leaves = new ArrayList<>();
    for (String format : LEAF_FORMATS) {
      leaves.add(ArrowLayout.leaf(format, "f"));
    }
    return leaves;
  }
}
