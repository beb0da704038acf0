package dev.arrowownership.bench;

import dev.arrowownership.leak.LeakLevel;
import java.util.Arrays;

/**
 * A check on {@link WrapperOverheadBenchmark} that survives a loaded machine: raw and wrapper run
 * in alternating blocks in one JVM, so both see the same load; prints the median of each and their
 * ratio per row count and leak level. JMH runs the two in separate forks at different times.
 *
 * <p>Usage: {@code AlternatingOverhead [rounds]}.
 */
public final class AlternatingOverhead {
  private AlternatingOverhead() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    System.out.println("| rows | leak net | raw median (us/op) | wrapper median (us/op) | wrapper / raw |");
    System.out.println("|---:|---|---:|---:|---:|");
    for (int rows : new int[] {1, 1000, 100_000}) {
      for (LeakLevel level : new LeakLevel[] {LeakLevel.SIMPLE, LeakLevel.DISABLED}) {
        measure(rows, level, rounds);
      }
    }
  }

  private static void measure(int rows, LeakLevel level, int rounds) {
    WrapperOverheadBenchmark bench = new WrapperOverheadBenchmark();
    WrapperOverheadBenchmark.Batch batch = new WrapperOverheadBenchmark.Batch();
    batch.rows = rows;
    batch.build();
    WrapperOverheadBenchmark.Net net = new WrapperOverheadBenchmark.Net();
    net.leakLevel = level;
    net.set();
    int block = rows >= 100_000 ? 20 : 200;
    double[] raw = new double[rounds];
    double[] wrapper = new double[rounds];
    try {
      for (int round = -3; round < rounds; round++) { // three warm-up rounds
        long start = System.nanoTime();
        for (int i = 0; i < block; i++) {
          bench.raw(batch);
        }
        long middle = System.nanoTime();
        for (int i = 0; i < block; i++) {
          bench.wrapper(batch, net);
        }
        long end = System.nanoTime();
        if (round >= 0) {
          raw[round] = (middle - start) / 1e3 / block;
          wrapper[round] = (end - middle) / 1e3 / block;
        }
      }
    } finally {
      net.restore();
      batch.close();
    }
    double r = median(raw);
    double w = median(wrapper);
    System.out.printf("| %d | %s | %.1f | %.1f | %.2f |%n", rows, level, r, w, w / r);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
