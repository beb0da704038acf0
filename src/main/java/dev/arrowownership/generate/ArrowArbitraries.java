package dev.arrowownership.generate;

import dev.arrowownership.cdata.MetadataEntry;
import dev.arrowownership.cdata.TypeKind;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of Arrow schemas and batches, for the kit's rules and for adopters' own
 * properties: every type family of the C Data Interface's format-string table, nested to {@link
 * #MAX_DEPTH} levels, with dictionaries, extension types, field metadata, duplicate names, sliced,
 * empty and all-null arrays. Shrinking is jqwik's own: the nesting depth shrinks to 0, every
 * choice to its first alternative (a leaf, {@code i}, no metadata), lists of fields to none and
 * lengths and offsets to 0, so a failing case shrinks to the fewest, shallowest fields and the
 * shortest array.
 *
 * <pre>{@code
 * @Property
 * void myImporterKeepsTheRules(@ForAll("batches") LayoutBatch batch) { ... }
 *
 * @Provide
 * Arbitrary<LayoutBatch> batches() {
 *   return ArrowArbitraries.layoutBatches();
 * }
 * }</pre>
 */
public final class ArrowArbitraries {
  /** Deepest nesting below the top field (the top-level record batch adds one). */
  public static final int MAX_DEPTH = 4;
  /** Longest generated array. */
  public static final int MAX_LENGTH = 12;
  /** Largest generated offset. */
  public static final int MAX_OFFSET = 3;
  /** Most nodes in a generated schema (dictionaries included). */
  public static final int MAX_NODES = 16;
  private ArrowArbitraries() {}

  /**
   * Schemas: any field, nested up to {@link #MAX_DEPTH} levels below the top; a struct at the top is a
   * record batch (non-nullable, unnamed), any other type a plain top-level array.
   */
  public static Arbitrary<ArrowLayout> schemas() {
    return fields().map(f -> f.kind() == TypeKind.STRUCT ? LayoutFormats.recordBatch(f.children()) : f);
  }

  /** Batches of {@code schema}: lengths up to {@link #MAX_LENGTH}, offsets up to {@link #MAX_OFFSET}. */
  public static Arbitrary<LayoutBatch> batches(ArrowLayout schema) {
    return shapes().map(shape -> new LayoutBatch(schema, shape));
  }

  /**
   * Batches of generated schemas; schema and shape shrink independently, the shape first (jqwik
   * shrinks the parts in order, and a schema has many more alternatives to try than a shape).
   */
  public static Arbitrary<LayoutBatch> layoutBatches() {
    return Combinators.combine(shapes(), schemas()).as((shape, schema) -> new LayoutBatch(schema, shape));
  }

  /** Streams of zero to four batches of {@code schema}. */
  public static Arbitrary<LayoutStream> streams(ArrowLayout schema) {
    return shapes().list().ofMaxSize(4).map(shapes -> new LayoutStream(schema, shapes));
  }

  /**
   * Streams of generated schemas; the batches shrink before the schema (as in {@link #layoutBatches()}):
   * a stream of fewer, shorter batches makes every later shrinking step cheaper.
   */
  public static Arbitrary<LayoutStream> layoutStreams() {
    return Combinators.combine(shapes().list().ofMaxSize(4), schemas()).as((shapes, schema) -> new LayoutStream(schema, shapes));
  }

  /** Array shapes: length, offset, nulls and seed, each shrinking to its simplest. */
  public static Arbitrary<BatchShape> shapes() {
    return Combinators.combine(Arbitraries.integers().between(0, MAX_LENGTH), Arbitraries.integers().between(0, MAX_OFFSET),
        Arbitraries.of(BatchShape.Nulls.class), Arbitraries.longs()).as(BatchShape::new);
  }

  /**
   * Fields of every type, at most {@link #MAX_DEPTH} levels deep and {@link #MAX_NODES} nodes. One
   * recursive {@link Arbitraries#lazyOf} (a leaf five times in twelve, so trees stay small): jqwik
   * shrinks a failing field to any field inside it as well as to simpler alternatives, so a bug in a
   * nested layout shrinks to that layout alone.
   */
  public static Arbitrary<ArrowLayout> fields() {
    List<Arbitrary<ArrowLayout>> self = new ArrayList<>(1);
    Arbitrary<ArrowLayout> inner = Arbitraries.lazy(() -> self.get(0));
    Arbitrary<ArrowLayout> leaf = decorated(Arbitraries.of(LayoutFormats.LEAF_FORMATS).map(f -> ArrowLayout.leaf(f, "f")));
    self.add(Arbitraries.lazyOf(() -> leaf, () -> leaf, () -> leaf, () -> leaf, () -> leaf,
        () -> decorated(lists(inner)), () -> decorated(lists(inner)), () -> decorated(structs(inner)),
        () -> decorated(maps(inner)), () -> decorated(unions(inner)), () -> decorated(runEndEncoded(inner)),
        () -> decorated(dictionaries(inner)))
        .filter(ArrowArbitraries::fits));
    return self.get(0);
  }

  /** True if {@code field} nests at most {@link #MAX_DEPTH} levels below itself and has at most {@link #MAX_NODES} nodes. */
  static boolean fits(ArrowLayout field) {
    return field.depth() <= MAX_DEPTH + 1 && field.size() <= MAX_NODES;
  }

  static Arbitrary<ArrowLayout> lists(Arbitrary<ArrowLayout> items) {
    return Combinators.combine(Arbitraries.of(LayoutFormats.LIST_FORMATS), items).as((f, item) -> ArrowLayout.nested(f, "l", List.of(item)));
  }

  static Arbitrary<ArrowLayout> structs(Arbitrary<ArrowLayout> fields) {
    return fields.list().ofMaxSize(3).map(children -> ArrowLayout.nested("+s", "s", children));
  }

  static Arbitrary<ArrowLayout> maps(Arbitrary<ArrowLayout> values) {
    return Combinators.combine(Arbitraries.of("i", "u", "l"), values, Arbitraries.of(false, true)).as(LayoutFormats::map);
  }

  static Arbitrary<ArrowLayout> unions(Arbitrary<ArrowLayout> members) {
    return Combinators.combine(Arbitraries.of("s", "d"), members.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(false, true))
        .as(LayoutFormats::union);
  }

  static Arbitrary<ArrowLayout> runEndEncoded(Arbitrary<ArrowLayout> values) {
    return Combinators.combine(Arbitraries.of("i", "s", "l"), values).as(LayoutFormats::runEndEncoded);
  }

  static Arbitrary<ArrowLayout> dictionaries(Arbitrary<ArrowLayout> values) {
    // A dictionary's values are themselves plain (not dictionary-encoded), as Arrow's IPC format requires.
    return Combinators.combine(Arbitraries.of(LayoutFormats.INDEX_FORMATS), values)
        .as((index, value) -> value.dictionary().orElse(value).encodedBy(index));
  }

  /** {@code fields} with a name from a small set (so siblings share names), nullability and metadata. */
  static Arbitrary<ArrowLayout> decorated(Arbitrary<ArrowLayout> fields) {
    Arbitrary<List<MetadataEntry>> metadata =
        Arbitraries.frequency(Tuple.of(8, List.<MetadataEntry>of()), Tuple.of(1, LayoutFormats.CUSTOM), Tuple.of(1, LayoutFormats.EXTENSION));
    return Combinators.combine(fields, Arbitraries.of("a", "b", "c"), Arbitraries.of(true, false), metadata)
        .as((field, name, nullable, pairs) -> field.named(name).nullable(nullable || field.format().equals("n"))
            .withMetadata(pairs));
  }

  /** One batch of every family and shape, smallest first: a deterministic first round that covers them all. */
  public static List<LayoutBatch> tour() {
    return LayoutTour.batches();
  }
}
