package dev.arrowownership.contract;

import dev.arrowownership.contract.ExhaustiveChecker.Exploration;
import java.util.List;

/**
 * A benchmark main, not a test: runs the exhaustive check on the reference wrapper for growing
 * handle bounds within one time budget and prints a Markdown table for docs/kit.md.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.arrowownership.contract.ExhaustiveMeasurement 600 5 6 7 8
 * </pre>
 * Arguments: the total budget in seconds, then the handle bounds to try in order. With
 * {@code -Darrowownership.exhaustive.shard=i/n} only that shard of each bound runs (see {@link Shard}),
 * and {@code -Darrowownership.exhaustive.depth=d} stops at depth d (default: none). The table gives,
 * besides the report's totals, the states without the wrapper's reports (the model's part of the
 * key, which the shards' plan merges on), the moves of the whole plan and the states a shard explored
 * because the plan did not predict them; each run's report goes to standard error.
 */
public final class ExhaustiveMeasurement {
  private ExhaustiveMeasurement() {}

  /** CPU time of the whole process, all threads: what an idle machine would spend, whatever the load. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    long deadline = System.currentTimeMillis() + Long.parseLong(args[0]) * 1000;
    Shard shard = Shard.parse(System.getProperty("arrowownership.exhaustive.shard", "1/1"));
    int depth = Integer.getInteger("arrowownership.exhaustive.depth", 1000);
    System.out.println("| handles | shard | depth reached | closed | sequences checked | distinct states | without reports"
        + " | moves planned | unpredicted states | sequences represented | wall s | CPU s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String bound : List.of(args).subList(1, args.length)) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      long cpu = cpuNanos();
      long wall = System.nanoTime();
      long[] progress = {0, 0}; // sequences run, length of the last
      Exploration run = new ExhaustiveChecker(new RecordBatchDataSubject(), Integer.parseInt(bound),
          ExhaustiveOwnershipContract.FAULTS).in(shard).explore(depth, left, sequence -> {
            if (sequence.size() > progress[1]) { // a new depth: how far a run cut short got
              progress[1] = sequence.size();
              System.err.printf("depth %d begins after %,d sequences, %.1f s%n", progress[1], progress[0],
                  (System.nanoTime() - wall) / 1e9);
            }
            progress[0]++;
          });
      ExhaustiveReport report = run.report();
      System.err.println(report);
      report.assertPassed();
      ExhaustiveReport.Level last = report.levels().get(report.levels().size() - 1);
      System.out.printf("| %s | %s | %d | %s | %,d | %,d | %,d | %,d | %d | %.3g | %.1f | %.1f |%n", bound, shard, last.depth(),
          report.closed() ? "yes" : "no", last.sequencesChecked(), last.distinctStates(), run.modelStates().size(),
          run.plannedMoves(), run.unpredictedStates(), last.sequencesRepresented().doubleValue(),
          (System.nanoTime() - wall) / 1e9, (cpuNanos() - cpu) / 1e9);
    }
  }
}
