package dev.arrowownership.bench;

import dev.arrowownership.contract.OwnershipMachine;
import dev.arrowownership.contract.RecordBatchDataSubject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the suite checks: whole generated sequences (30 steps on the reference wrapper, each
 * compared with the model through the ledger, then finish() and the allocator check), and the same
 * work counted per OwnershipMachine step. Exhaustive states per second: pending the issue-6 checker.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class VerificationThroughputBenchmark {
  static final int DEPTH = 30;

  @State(Scope.Thread)
  public static class Source {
    @Param({"10", "1000"})
    public int maxRows;
    long seed;

    RandomSteps next() {
      return new RandomSteps(seed++, maxRows);
    }
  }

  /** One generated sequence of {@value #DEPTH} steps, checked and finished: sequences per second. */
  @Benchmark
  public int sequences(Source source) {
    return runSequence(source.next());
  }

  /** The same work per machine step: steps per second. */
  @Benchmark
  @OperationsPerInvocation(DEPTH)
  public int machineSteps(Source source) {
    return runSequence(source.next());
  }

  private static int runSequence(RandomSteps steps) {
    try (OwnershipMachine<?, ?> machine = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      for (int i = 0; i < DEPTH; i++) {
        steps.next(machine).applyTo(machine);
      }
      machine.finish();
      return machine.handleCount();
    }
  }
}
