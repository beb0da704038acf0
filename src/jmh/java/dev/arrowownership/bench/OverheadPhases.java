package dev.arrowownership.bench;

import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.wrapper.ImportedBatch;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where the wrapper's extra time goes: the lifecycles of {@link WrapperOverheadBenchmark}, timed
 * phase by phase (allocate, export, move, import, close), raw and wrapper in randomised pairs as in
 * {@link PairedOverheadFork}. Prints the median time per phase of each path.
 *
 * <p>Usage: {@code OverheadPhases <rows> <pairs>}, at the level of {@code -Darrowownership.leak.level}.
 */
public final class OverheadPhases {
  private static final String[] PHASES = {"allocate", "export", "move", "import", "close imported", "close the rest"};
  private static final long WARMUP_NANOS = 5_000_000_000L;

  private OverheadPhases() {}

  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int pairs = Integer.parseInt(args[1]);
    try (RootAllocator allocator = new RootAllocator(); GeneratedBatch batch = GeneratedBatch.create(allocator, rows, 42)) {
      long[][] raw = new long[PHASES.length][pairs];
      long[][] wrapper = new long[PHASES.length][pairs];
      long[] scratch = new long[PHASES.length + 1];
      for (long end = System.nanoTime() + WARMUP_NANOS; System.nanoTime() < end; ) {
        raw(allocator, batch, scratch);
        wrapper(allocator, batch, scratch);
      }
      SplittableRandom random = new SplittableRandom(7);
      for (int pair = 0; pair < pairs; pair++) {
        boolean rawFirst = random.nextBoolean();
        for (int half = 0; half < 2; half++) {
          if ((half == 0) == rawFirst) {
            record(raw, pair, raw(allocator, batch, scratch));
          } else {
            record(wrapper, pair, wrapper(allocator, batch, scratch));
          }
        }
      }
      System.out.printf("%d rows, leak net %s, medians of %d pairs (us)%n", rows, LeakDetector.level(), pairs);
      for (int p = 0; p < PHASES.length; p++) {
        System.out.printf("%-15s raw %8.2f  wrapper %8.2f%n", PHASES[p], median(raw[p]) / 1e3, median(wrapper[p]) / 1e3);
      }
    }
  }

  private static long[] raw(RootAllocator allocator, GeneratedBatch batch, long[] t) {
    t[0] = System.nanoTime();
    ArrowArray array = ArrowArray.allocateNew(allocator);
    ArrowSchema schema = ArrowSchema.allocateNew(allocator);
    t[1] = System.nanoTime();
    Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), array, schema);
    t[2] = System.nanoTime();
    ArrowArray view = ArrowArray.wrap(array.memoryAddress());
    ArrowSchema schemaView = ArrowSchema.wrap(schema.memoryAddress());
    ArrowArray movedArray = ArrowArray.allocateNew(allocator);
    ArrowSchema movedSchema = ArrowSchema.allocateNew(allocator);
    movedArray.save(view.snapshot());
    view.markReleased();
    movedSchema.save(schemaView.snapshot());
    schemaView.markReleased();
    t[3] = System.nanoTime();
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    VectorSchemaRoot root = Data.importVectorSchemaRoot(allocator, movedArray, movedSchema, dictionaries, false);
    t[4] = System.nanoTime();
    root.close();
    dictionaries.close();
    t[5] = System.nanoTime();
    movedArray.close();
    movedSchema.close();
    array.close();
    schema.close();
    t[6] = System.nanoTime();
    return t;
  }

  private static long[] wrapper(RootAllocator allocator, GeneratedBatch batch, long[] t) {
    t[0] = System.nanoTime();
    RecordBatchData exported = RecordBatchData.allocate(allocator, "exported");
    t[1] = System.nanoTime();
    exported.populate(batch.root(), batch.dictionaries());
    t[2] = System.nanoTime();
    RecordBatchData moved = RecordBatchData.moveFrom(exported);
    t[3] = System.nanoTime();
    ImportedBatch imported = moved.importBatch(allocator);
    t[4] = System.nanoTime();
    imported.close();
    t[5] = System.nanoTime();
    moved.close();
    exported.close();
    t[6] = System.nanoTime();
    return t;
  }

  private static void record(long[][] phases, int pair, long[] t) {
    for (int p = 0; p < PHASES.length; p++) {
      phases[p][pair] = t[p + 1] - t[p];
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
