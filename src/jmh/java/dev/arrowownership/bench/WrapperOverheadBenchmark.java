package dev.arrowownership.bench;

import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import dev.arrowownership.wrapper.ImportedBatch;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch through its whole life: export, wrap, move, import, close. {@link #wrapper} uses
 * {@link RecordBatchData}; {@link #raw} makes the same Arrow C Data calls by hand. The ratio
 * wrapper/raw per row count is the wrapper's overhead (goal: at most 1.05).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class WrapperOverheadBenchmark {

  /** The source batch, built once per trial. */
  @State(Scope.Thread)
  public static class Batch {
    @Param({"1", "1000", "100000"})
    public int rows;

    RootAllocator allocator;
    GeneratedBatch source;

    @Setup(Level.Trial)
    public void build() {
      allocator = new RootAllocator();
      source = GeneratedBatch.create(allocator, rows, 42);
    }

    @TearDown(Level.Trial)
    public void close() {
      source.close();
      allocator.close(); // throws if either path leaked
    }
  }

  /** The leak safety net's level while the wrapper runs (SIMPLE is the default). */
  @State(Scope.Thread)
  public static class Net {
    @Param({"SIMPLE", "DISABLED"})
    public LeakLevel leakLevel;
    private LeakLevel previous;

    @Setup(Level.Trial)
    public void set() {
      previous = LeakDetector.setLevel(leakLevel);
    }

    @TearDown(Level.Trial)
    public void restore() {
      LeakDetector.setLevel(previous);
    }
  }

  /** Export into a handle, move it to a second handle, import, close everything. */
  @Benchmark
  public int wrapper(Batch batch, Net net) {
    try (RecordBatchData exported = RecordBatchData.allocate(batch.allocator, "exported")) {
      exported.populate(batch.source.root(), batch.source.dictionaries());
      try (RecordBatchData moved = RecordBatchData.moveFrom(exported);
          ImportedBatch imported = moved.importBatch(batch.allocator)) {
        return imported.root().getRowCount();
      }
    }
  }

  /** The same calls on raw arrow-c-data: allocate structs, export, wrap the address, move by hand, import, close. */
  @Benchmark
  public int raw(Batch batch) {
    try (ArrowArray array = ArrowArray.allocateNew(batch.allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(batch.allocator)) {
      Data.exportVectorSchemaRoot(batch.allocator, batch.source.root(), batch.source.dictionaries(), array, schema);
      ArrowArray view = ArrowArray.wrap(array.memoryAddress()); // what a consumer given the address holds
      ArrowSchema schemaView = ArrowSchema.wrap(schema.memoryAddress());
      try (ArrowArray movedArray = ArrowArray.allocateNew(batch.allocator);
          ArrowSchema movedSchema = ArrowSchema.allocateNew(batch.allocator);
          CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
        movedArray.save(view.snapshot());
        view.markReleased();
        movedSchema.save(schemaView.snapshot());
        schemaView.markReleased();
        try (VectorSchemaRoot root = Data.importVectorSchemaRoot(batch.allocator, movedArray, movedSchema, dictionaries, false)) {
          return root.getRowCount();
        }
      }
    }
  }
}
