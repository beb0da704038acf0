package dev.arrowownership.contract;

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
 * {@code -Darrowownership.exhaustive.shard=i/n} only that shard of each bound runs (see {@link Shard}).
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
    System.out.println("| handles | shard | depth reached | closed | sequences checked | distinct states | sequences represented | wall s | CPU s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String bound : List.of(args).subList(1, args.length)) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      long cpu = cpuNanos();
      ExhaustiveReport report = new ExhaustiveChecker(new RecordBatchDataSubject(), Integer.parseInt(bound), ExhaustiveOwnershipContract.FAULTS)
          .in(shard).check(1000, left);
      report.assertPassed();
      ExhaustiveReport.Level last = report.levels().get(report.levels().size() - 1);
      System.out.printf("| %s | %s | %d | %s | %,d | %,d | %.3g | %.1f | %.1f |%n", bound, shard, last.depth(), report.closed() ? "yes" : "no",
          last.sequencesChecked(), last.distinctStates(), last.sequencesRepresented().doubleValue(),
          last.elapsedMillis() / 1000.0, (cpuNanos() - cpu) / 1e9);
    }
  }
}
