package dev.arrowownership.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A deterministic record batch for the suite: ints with nulls, strings, a nested struct, a list and
 * a dictionary-encoded column, so that children and dictionaries take part in every release.
 */
public final class GeneratedBatch implements AutoCloseable {
  private static final long COLOR_DICTIONARY_ID = 1L;
  private static final String[] COLORS = {"red", "green", "blue", "black"};

  private final VectorSchemaRoot root;
  private final DictionaryProvider.MapDictionaryProvider dictionaries;

  private GeneratedBatch(VectorSchemaRoot root, DictionaryProvider.MapDictionaryProvider dictionaries) {
    this.root = root;
    this.dictionaries = dictionaries;
  }

  /** Builds {@code rows} rows from {@code seed}; the same arguments give the same data. */
  public static GeneratedBatch create(BufferAllocator allocator, int rows, long seed) {
    Random random = new Random(seed);
    DictionaryEncoding encoding = new DictionaryEncoding(COLOR_DICTIONARY_ID, false, new ArrowType.Int(32, true));
    VarCharVector palette = new VarCharVector("color-dictionary", allocator);
    IntVector id = new IntVector("id", allocator);
    VarCharVector name = new VarCharVector("name", allocator);
    StructVector point = StructVector.empty("point", allocator);
    ListVector tags = ListVector.empty("tags", allocator);
    IntVector color = new IntVector("color", new FieldType(true, new ArrowType.Int(32, true), encoding), allocator);
    List<FieldVector> columns = List.of(id, name, point, tags, color);
    try {
      fillStrings(palette, COLORS.length, i -> COLORS[i]);
      // Typed before any row is written: a batch whose lists are all empty (fewer than two rows) would
      // otherwise export its list's child as type null (no buffers) under a schema that says int32.
      tags.addOrGetVector(FieldType.nullable(new ArrowType.Int(32, true)));
      IntVector x = point.addOrGet("x", FieldType.nullable(new ArrowType.Int(32, true)), IntVector.class);
      VarCharVector label = point.addOrGet("label", FieldType.nullable(ArrowType.Utf8.INSTANCE), VarCharVector.class);
      id.allocateNew(rows);
      color.allocateNew(rows);
      UnionListWriter tagWriter = tags.getWriter();
      for (int i = 0; i < rows; i++) {
        if (i % 13 != 5) { // every 13th row stays null: allocateNew zeroed the validity buffer
          id.set(i, random.nextInt());
        }
        x.setSafe(i, random.nextInt(1000));
        label.setSafe(i, ("p" + i).getBytes(StandardCharsets.UTF_8));
        point.setIndexDefined(i);
        tagWriter.startList(); // at row i: the writer starts at 0 and endList moves it on
        for (int k = 0; k < i % 4; k++) {
          tagWriter.writeInt(random.nextInt(100));
        }
        tagWriter.endList();
        color.set(i, random.nextInt(COLORS.length));
      }
      fillStrings(name, rows, i -> "name-" + (seed + i));
      VectorSchemaRoot root = new VectorSchemaRoot(columns);
      root.setRowCount(rows); // sets every column's value count, the struct's children included
      return new GeneratedBatch(root, new DictionaryProvider.MapDictionaryProvider(new Dictionary(palette, encoding)));
    } catch (RuntimeException | Error e) {
      columns.forEach(FieldVector::close);
      palette.close();
      throw e;
    }
  }

  /** The columns. */
  public VectorSchemaRoot root() {
    return root;
  }

  /** The dictionaries of encoded columns. */
  public DictionaryProvider dictionaries() {
    return dictionaries;
  }

  public int rowCount() {
    return root.getRowCount();
  }

  /** A fingerprint of this batch's values and dictionaries. */
  public int fingerprint() {
    return fingerprint(root, dictionaries);
  }

  /** A fingerprint of any batch's values and the dictionary its color column refers to. */
  public static int fingerprint(VectorSchemaRoot root, DictionaryProvider dictionaries) {
    // An importer may renumber dictionaries: follow the column's own encoding.
    DictionaryEncoding encoding = root.getSchema().findField("color").getDictionary();
    Dictionary colors = encoding == null ? null : dictionaries.lookup(encoding.getId());
    String palette = colors == null ? "<none>" : colors.getVector().toString();
    return (root.contentToTSVString() + "|" + palette).hashCode();
  }

  @Override
  public void close() {
    try {
      root.close();
    } finally {
      dictionaries.close();
    }
  }

  private static void fillStrings(VarCharVector vector, int count, java.util.function.IntFunction<String> value) {
    for (int i = 0; i < count; i++) { // setSafe allocates the buffers as they are needed
      vector.setSafe(i, value.apply(i).getBytes(StandardCharsets.UTF_8));
    }
    vector.setValueCount(count);
  }
}
