package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.junit.jupiter.api.Test;

/**
 * The generated batch is what every ownership check imports and compares: its exact content (types,
 * values, nulls, list lengths, the dictionary) must be what the suite documents, and the fingerprint
 * must follow the data and the dictionary.
 */
class GeneratedBatchTest {

  /** Seven rows pin every per-row rule: id null at row 5, i % 4 tags, labels, names from the seed. */
  @Test
  void sevenRowsHaveTheDocumentedColumnsAndValues() {
    try (BufferAllocator allocator = new RootAllocator(); var batch = GeneratedBatch.create(allocator, 7, 40)) {
      VectorSchemaRoot root = batch.root();
      assertThat(batch.rowCount()).isEqualTo(7);
      assertThat(root.getSchema().getFields()).extracting(f -> f.getName())
          .containsExactly("id", "name", "point", "tags", "color");
      IntVector id = (IntVector) root.getVector("id");
      assertThat(id.getValueCount()).isEqualTo(7);
      assertThat(id.isNull(5)).isTrue();
      assertThat(id.getNullCount()).isEqualTo(1);
      VarCharVector name = (VarCharVector) root.getVector("name");
      assertThat(name.getValueCount()).isEqualTo(7);
      assertThat(name.getObject(0)).hasToString("name-40");
      assertThat(name.getObject(6)).hasToString("name-46");
      StructVector point = (StructVector) root.getVector("point");
      assertThat(point.getValueCount()).isEqualTo(7);
      assertThat(point.getNullCount()).isZero();
      assertThat(point.getChild("label").getObject(3)).hasToString("p3");
      assertThat(((IntVector) point.getChild("x")).get(6)).isBetween(0, 999);
      ListVector tags = (ListVector) root.getVector("tags");
      assertThat(tags.getValueCount()).isEqualTo(7);
      assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).allSatisfy(i -> assertThat(tags.getObject(i)).hasSize(i % 4));
      IntVector color = (IntVector) root.getVector("color");
      assertThat(color.getValueCount()).isEqualTo(7);
      assertThat(color.getField().getDictionary().getId()).isEqualTo(1L);
      assertThat(batch.dictionaries().lookup(1L).getVector()).hasToString("[red, green, blue, black]");
      // The random values, pinned: the same seed must give the same data on every JVM.
      assertThat(root.contentToTSVString()).isEqualTo(GOLDEN);
    }
  }

  /** Same arguments, same fingerprint; another seed or size, another one. */
  @Test
  void fingerprintFollowsTheData() {
    try (BufferAllocator allocator = new RootAllocator()) {
      int base = fingerprint(allocator, 5, 1);
      assertThat(fingerprint(allocator, 5, 1)).isEqualTo(base);
      assertThat(fingerprint(allocator, 5, 2)).isNotEqualTo(base);
      assertThat(fingerprint(allocator, 4, 1)).isNotEqualTo(base);
    }
  }

  /** The dictionary takes part: a provider without it (an importer that lost it) gives another fingerprint. */
  @Test
  void fingerprintFollowsTheDictionary() {
    try (BufferAllocator allocator = new RootAllocator(); var batch = GeneratedBatch.create(allocator, 3, 1)) {
      int withDictionary = batch.fingerprint();
      int without = GeneratedBatch.fingerprint(batch.root(), new DictionaryProvider.MapDictionaryProvider());
      assertThat(without).isNotEqualTo(withDictionary)
          .isEqualTo((batch.root().contentToTSVString() + "|<none>").hashCode());
    }
  }

  /** A root whose color column is not dictionary-encoded is fingerprinted without a dictionary. */
  @Test
  void unencodedColorColumnHasNoDictionary() {
    try (BufferAllocator allocator = new RootAllocator(); var color = new IntVector("color", allocator);
        var other = GeneratedBatch.create(allocator, 1, 1)) {
      color.allocateNew(1);
      color.set(0, 2);
      color.setValueCount(1);
      VectorSchemaRoot root = VectorSchemaRoot.of(color);
      // The provider holds a dictionary with the usual id: it must not be looked up.
      assertThat(GeneratedBatch.fingerprint(root, other.dictionaries())).isEqualTo((root.contentToTSVString() + "|<none>").hashCode());
    }
  }

  /**
   * An allocation failure part way through frees what was already allocated: limits doubling from
   * 1 KiB fail at successive vectors until one is large enough; each failure leaves 0 bytes.
   */
  @Test
  void allocationFailureMidwayLeavesNothingAllocated() {
    int failures = 0;
    for (long limit = 1024; ; limit *= 2) {
      try (BufferAllocator allocator = new RootAllocator(limit)) {
        try (var batch = GeneratedBatch.create(allocator, 200, 1)) {
          break; // large enough
        } catch (OutOfMemoryException expected) {
          failures++;
          assertThat(allocator.getAllocatedMemory()).as("left allocated at limit " + limit).isZero();
        }
      }
    }
    assertThat(failures).isGreaterThan(2); // the failure hit more than the first vector
  }

  private static int fingerprint(BufferAllocator allocator, int rows, long seed) {
    try (var batch = GeneratedBatch.create(allocator, rows, seed)) {
      return batch.fingerprint();
    }
  }

  /** GeneratedBatch.create(7 rows, seed 40) as TSV (java.util.Random is specified, so this is portable). */
  private static final String GOLDEN = String.join("\n",
      "id\tname\tpoint\ttags\tcolor",
      "-1170874532\tname-40\t{\"x\":339,\"label\":\"p0\"}\t[]\t0",
      "-1502686769\tname-41\t{\"x\":96,\"label\":\"p1\"}\t[28]\t3",
      "-895793374\tname-42\t{\"x\":391,\"label\":\"p2\"}\t[27,66]\t1",
      "-2036612664\tname-43\t{\"x\":940,\"label\":\"p3\"}\t[9,60,73]\t2",
      "-968224388\tname-44\t{\"x\":299,\"label\":\"p4\"}\t[]\t0",
      "null\tname-45\t{\"x\":104,\"label\":\"p5\"}\t[99]\t0",
      "192487278\tname-46\t{\"x\":639,\"label\":\"p6\"}\t[71,5]\t1",
      "");
}
