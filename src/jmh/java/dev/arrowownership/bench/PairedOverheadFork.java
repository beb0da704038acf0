package dev.arrowownership.bench;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * One fork of {@link PairedOverhead}: warms both paths up, then measures pairs of blocks, one block
 * of {@link WrapperOverheadBenchmark#raw} and one of {@link WrapperOverheadBenchmark#wrapper} in a
 * random order per pair, so both halves of a pair see the same load. Each lifecycle is timed on its
 * own and a block counts its median. Prints one line per pair: {@code pair <raw ns> <wrapper ns>}. The leak net's level comes from the system property
 * {@link LeakLevel#PROPERTY}, so each fork runs at one level from its first allocation. The warm-up
 * lasts at least {@code warmupMillis} and until the JIT is idle.
 *
 * <p>Usage: {@code PairedOverheadFork <rows> <pairs> <opsPerBlock> <warmupMillis> <seed>}.
 */
public final class PairedOverheadFork {
  private static final long MAX_WARMUP_NANOS = 15_000_000_000L;
  /** How long the JIT must have compiled nothing before the measurement starts. */
  private static final long JIT_QUIET_NANOS = 500_000_000L;

  private PairedOverheadFork() {}

  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int pairs = Integer.parseInt(args[1]);
    int opsPerBlock = Integer.parseInt(args[2]);
    long warmupNanos = Long.parseLong(args[3]) * 1_000_000L;
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[4]));
    WrapperOverheadBenchmark bench = new WrapperOverheadBenchmark();
    WrapperOverheadBenchmark.Batch batch = new WrapperOverheadBenchmark.Batch();
    batch.rows = rows;
    batch.build();
    WrapperOverheadBenchmark.Net net = new WrapperOverheadBenchmark.Net();
    net.leakLevel = LeakDetector.level();
    net.set();
    long sink = 0;
    try {
      sink += warmUp(bench, batch, net, warmupNanos);
      for (int pair = 0; pair < pairs; pair++) {
        boolean rawFirst = random.nextBoolean();
        long first = rawFirst ? rawBlock(bench, batch, opsPerBlock) : wrapperBlock(bench, batch, net, opsPerBlock);
        long second = rawFirst ? wrapperBlock(bench, batch, net, opsPerBlock) : rawBlock(bench, batch, opsPerBlock);
        long raw = rawFirst ? first : second;
        long wrapper = rawFirst ? second : first;
        System.out.printf("pair %d %d%n", raw, wrapper);
      }
    } finally {
      net.restore();
      batch.close(); // throws if either path leaked
    }
    System.out.println("rows " + sink); // keeps the results alive
  }

  /**
   * Runs both paths for at least {@code minNanos} and then until the JIT has compiled nothing for a
   * moment (at most {@link #MAX_WARMUP_NANOS}): on a loaded machine the compiler threads get little
   * CPU, and code still being compiled during the measurement would favour whichever path was
   * compiled first.
   */
  private static long warmUp(WrapperOverheadBenchmark bench, WrapperOverheadBenchmark.Batch batch,
      WrapperOverheadBenchmark.Net net, long minNanos) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    long lastCompileMillis = -1;
    long quietSince = start;
    long sink = 0;
    while (true) {
      sink += bench.raw(batch) + bench.wrapper(batch, net);
      long now = System.nanoTime();
      long compileMillis = jit.getTotalCompilationTime();
      if (compileMillis != lastCompileMillis) {
        lastCompileMillis = compileMillis;
        quietSince = now;
      }
      boolean quiet = now - quietSince > JIT_QUIET_NANOS;
      if (now - start > MAX_WARMUP_NANOS || (now - start > minNanos && quiet)) {
        System.out.printf("warmup %d ms%n", (now - start) / 1_000_000L);
        return sink;
      }
    }
  }

  /** The median time of one raw lifecycle over a block of {@code ops}, in ns. */
  private static long rawBlock(WrapperOverheadBenchmark bench, WrapperOverheadBenchmark.Batch batch, int ops) {
    long[] times = new long[ops];
    for (int i = 0; i < ops; i++) {
      long start = System.nanoTime();
      bench.raw(batch);
      times[i] = System.nanoTime() - start;
    }
    return median(times);
  }

  /** The median time of one wrapper lifecycle over a block of {@code ops}, in ns. */
  private static long wrapperBlock(WrapperOverheadBenchmark bench, WrapperOverheadBenchmark.Batch batch,
      WrapperOverheadBenchmark.Net net, int ops) {
    long[] times = new long[ops];
    for (int i = 0; i < ops; i++) {
      long start = System.nanoTime();
      bench.wrapper(batch, net);
      times[i] = System.nanoTime() - start;
    }
    return median(times);
  }

  /**
   * A block's median, not its mean: a time slice lost to another process lands on a few
   * lifecycles of a block and would otherwise decide the pair.
   */
  private static long median(long[] times) {
    long[] sorted = times.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
