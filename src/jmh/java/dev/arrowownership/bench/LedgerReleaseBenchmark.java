package dev.arrowownership.bench;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The release ledger's cost per release: export a one-element vector and release it, with and without
 * the ledger interposed on the struct's {@code release}. The difference is the ledger's cost (a JNA
 * upcall, bookkeeping, then the downcall to the producer's release).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class LedgerReleaseBenchmark {

  @State(Scope.Thread)
  public static class Arrow {
    RootAllocator allocator;
    IntVector vector;
    ArrowArray array;
    ReleaseLedger ledger;

    @Setup(Level.Trial)
    public void open() {
      allocator = new RootAllocator();
      vector = new IntVector("v", allocator);
      vector.allocateNew(1);
      vector.setSafe(0, 7);
      vector.setValueCount(1);
      array = ArrowArray.allocateNew(allocator);
    }

    @Setup(Level.Iteration)
    public void newLedger() {
      ledger = new ReleaseLedger(); // its event list grows with every release: one per iteration
    }

    @TearDown(Level.Iteration)
    public void closeLedger() {
      ledger.close();
    }

    @TearDown(Level.Trial)
    public void close() {
      array.close();
      vector.close();
      allocator.close();
    }
  }

  /** Export, then release directly. */
  @Benchmark
  public void untracked(Arrow arrow) {
    Data.exportVector(arrow.allocator, arrow.vector, null, arrow.array);
    arrow.array.release();
  }

  /** Export, interpose the ledger, then release through it. */
  @Benchmark
  public void throughLedger(Arrow arrow) {
    Data.exportVector(arrow.allocator, arrow.vector, null, arrow.array);
    arrow.ledger.track(StructKind.ARRAY, arrow.array.memoryAddress(), "b");
    arrow.array.release();
  }
}
