package dev.arrowownership.bench;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import java.util.SplittableRandom;

/**
 * One fork of {@link PairedOverhead}: warms both paths up, then measures pairs of blocks, one block
 * of {@link WrapperOverheadBenchmark#raw} and one of {@link WrapperOverheadBenchmark#wrapper} in a
 * random order per pair, so both halves of a pair see the same load. Prints one line per pair:
 * {@code pair <raw ns/op> <wrapper ns/op>}. The leak net's level comes from the system property
 * {@link LeakLevel#PROPERTY}, so each fork runs at one level from its first allocation.
 *
 * <p>Usage: {@code PairedOverheadFork <rows> <pairs> <opsPerBlock> <warmupMillis> <seed>}.
 */
public final class PairedOverheadFork {
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
      long warmupEnd = System.nanoTime() + warmupNanos;
      while (System.nanoTime() < warmupEnd) {
        sink += bench.raw(batch) + bench.wrapper(batch, net);
      }
      for (int pair = 0; pair < pairs; pair++) {
        boolean rawFirst = random.nextBoolean();
        long first = rawFirst ? rawBlock(bench, batch, opsPerBlock) : wrapperBlock(bench, batch, net, opsPerBlock);
        long second = rawFirst ? wrapperBlock(bench, batch, net, opsPerBlock) : rawBlock(bench, batch, opsPerBlock);
        long raw = rawFirst ? first : second;
        long wrapper = rawFirst ? second : first;
        System.out.printf("pair %d %d%n", raw / opsPerBlock, wrapper / opsPerBlock);
      }
    } finally {
      net.restore();
      batch.close(); // throws if either path leaked
    }
    System.out.println("rows " + sink); // keeps the results alive
  }

  private static long rawBlock(WrapperOverheadBenchmark bench, WrapperOverheadBenchmark.Batch batch, int ops) {
    long start = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      bench.raw(batch);
    }
    return System.nanoTime() - start;
  }

  private static long wrapperBlock(WrapperOverheadBenchmark bench, WrapperOverheadBenchmark.Batch batch,
      WrapperOverheadBenchmark.Net net, int ops) {
    long start = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      bench.wrapper(batch, net);
    }
    return System.nanoTime() - start;
  }
}
