package dev.arrowownership.bench;

import dev.arrowownership.generate.GeneratedBatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;

/**
 * The memory soak: N write/read cycles of a ~1 MB batch through the wrapper and the frame, then a
 * short run through a deliberately leaky handle, sampling the allocator and RssAnon. Writes
 * {@code soak.csv} and {@code soak.png} into the output directory and fails (exit 1) if the fixed
 * path ever leaves memory allocated between cycles.
 *
 * <p>Usage: {@code MemorySoak <cycles> <leakyCycles> <outputDir>}.
 */
public final class MemorySoak {
  /** About 1 MB of column data per batch with the generated batch's row shape. */
  static final int ROWS = Integer.getInteger("soak.rows", 22_000);
  /** The leaky run's allocator cap, so it cannot exhaust the machine. */
  static final long LEAKY_CAP = 1L << 30;
  private static final int SAMPLES = 400;

  public static void main(String[] args) throws IOException {
    int cycles = Integer.parseInt(args[0]);
    int leakyCycles = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    List<SoakSample> samples = new ArrayList<>();
    long leftBetweenCycles;
    // The root stays open: the leaky run's memory is the leak being shown, and the process ends here.
    RootAllocator root = new RootAllocator();
    try (GeneratedBatch template = GeneratedBatch.create(root, ROWS, 1)) {
      System.out.printf("soak: batch of %d rows, %d bytes of column data%n", ROWS, FreshBatch.bytes(template.root()));
      leftBetweenCycles = run("fixed", SoakCycle.WRAPPER, cycles, template, root, Long.MAX_VALUE, samples);
      run("leaky", SoakCycle.LEAKY, leakyCycles, template, root, LEAKY_CAP, samples);
    }
    writeCsv(out.resolve("soak.csv"), samples);
    SoakPlot.write(out.resolve("soak.png"), samples);
    System.out.println("soak: wrote " + out.resolve("soak.csv") + " and " + out.resolve("soak.png"));
    if (leftBetweenCycles != 0) {
      System.out.println("soak: FAILED: the fixed path left " + leftBetweenCycles + " bytes allocated between cycles");
      System.exit(1);
    }
  }

  /** Runs the cycles; returns the largest allocator reading seen between cycles. */
  private static long run(String variant, SoakCycle cycle, int cycles, GeneratedBatch template, RootAllocator root,
      long cap, List<SoakSample> samples) {
    BufferAllocator allocator = root.newChildAllocator(variant, 0, cap);
    int every = Math.max(1, cycles / SAMPLES);
    long worst = 0;
    long start = System.nanoTime();
    samples.add(SoakSample.take(variant, 0, allocator));
    int done = 0;
    try {
      for (int i = 1; i <= cycles; i++) {
        cycle.run(template, allocator);
        done = i;
        worst = Math.max(worst, allocator.getAllocatedMemory());
        if (i % every == 0 || i == cycles) {
          samples.add(SoakSample.take(variant, i, allocator));
        }
      }
    } catch (OutOfMemoryException capped) {
      System.out.printf("soak: %s stopped at the %d MB cap after %d cycles%n", variant, cap >> 20, done);
    }
    SoakSample last = samples.get(samples.size() - 1);
    System.out.printf("soak: %s: %d cycles in %.1f s; max allocator between cycles %d bytes; RssAnon %d -> %d kB%n",
        variant, done, (System.nanoTime() - start) / 1e9, worst, samplesOf(samples, variant).get(0).rssAnonKb(),
        last.rssAnonKb());
    if (worst == 0) {
      allocator.close(); // a leaky allocator is left open: its memory is the leak being shown
    }
    return worst;
  }

  private static List<SoakSample> samplesOf(List<SoakSample> samples, String variant) {
    return samples.stream().filter(s -> s.variant().equals(variant)).toList();
  }

  private static void writeCsv(Path file, List<SoakSample> samples) {
    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(file))) {
      csv.println(SoakSample.CSV_HEADER);
      samples.forEach(s -> csv.println(s.csv()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
