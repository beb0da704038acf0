package dev.arrowownership.bench;

import dev.arrowownership.leak.LeakLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The wrapper's overhead against raw arrow-c-data as a ratio with a confidence interval that a
 * loaded machine cannot fake: for each row count and leak-net level, several short forks (fresh
 * JVMs) each measure paired blocks of raw and wrapper in a random order per pair ({@link
 * PairedOverheadFork}); {@link PairedRatio} bootstraps the ratio over the pairs. The forks of all
 * configurations are interleaved round by round in a shuffled order, so a slow minute of the
 * machine spreads over the configurations instead of landing on one.
 *
 * <p>Usage: {@code PairedOverhead <outputDir>}, sized by {@code -Doverhead.forks} (default 4), {@code
 * -Doverhead.pairs} (pairs per fork, default 60) and {@code -Doverhead.warmupMillis} (the least
 * warm-up per fork, default 3000; it goes on until the JIT is idle).
 * Writes {@code overhead.md} and {@code overhead.csv} into the output directory.
 */
public final class PairedOverhead {
  private static final int[] ROWS = {1, 1000, 100_000};
  private static final int FORKS = Integer.getInteger("overhead.forks", 4);
  private static final int PAIRS = Integer.getInteger("overhead.pairs", 60);
  private static final int WARMUP_MILLIS = Integer.getInteger("overhead.warmupMillis", 3000);

  private PairedOverhead() {}

  /** One row count at one leak-net level. */
  record Config(int rows, LeakLevel level) {
    /** Large batches take longer per op: fewer ops keep a block near a few milliseconds. */
    int opsPerBlock() {
      return rows >= 100_000 ? 7 : 15;
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Map<Config, List<double[][]>> samples = new LinkedHashMap<>();
    for (int rows : ROWS) {
      for (LeakLevel level : LeakLevel.values()) {
        samples.put(new Config(rows, level), new ArrayList<>());
      }
    }
    String loadBefore = loadAverage();
    Instant start = Instant.now();
    Random order = new Random(20261129L);
    List<String> loads = new ArrayList<>();
    for (int round = 0; round < FORKS; round++) {
      List<Config> configs = new ArrayList<>(samples.keySet());
      Collections.shuffle(configs, order);
      for (Config config : configs) {
        samples.get(config).add(runFork(config, order.nextLong()));
        loads.add(loadAverage());
        System.out.printf("overhead: round %d/%d, %d rows, %s done (load %s)%n",
            round + 1, FORKS, config.rows(), config.level(), loadAverage());
      }
    }
    OverheadTable table = new OverheadTable(samples, FORKS, PAIRS, WARMUP_MILLIS, start, Instant.now(),
        loadBefore, loads);
    Files.writeString(out.resolve("overhead.md"), table.markdown());
    Files.writeString(out.resolve("overhead.csv"), table.csv());
    System.out.print(table.markdown());
    System.out.println("overhead: wrote " + out.resolve("overhead.md") + " and " + out.resolve("overhead.csv"));
  }

  /** Runs one fork and returns its pairs, {@code {raw, wrapper}} in ns/op. */
  private static double[][] runFork(Config config, long seed) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process fork = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xms1g", "-Xmx1g",
        "-D" + LeakLevel.PROPERTY + "=" + config.level(), "-cp", System.getProperty("java.class.path"),
        PairedOverheadFork.class.getName(), Integer.toString(config.rows()), Integer.toString(PAIRS),
        Integer.toString(config.opsPerBlock()), Integer.toString(WARMUP_MILLIS), Long.toString(seed))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<double[]> pairs = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("pair ")) {
          String[] fields = line.split(" ");
          pairs.add(new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2])});
        }
      }
    }
    int exit = fork.waitFor();
    if (exit != 0 || pairs.size() != PAIRS) {
      throw new IllegalStateException("fork " + config + " exited " + exit + " after " + pairs.size()
          + " of " + PAIRS + " pairs");
    }
    return pairs.toArray(double[][]::new);
  }

  /** The 1-minute load average, from {@code /proc/loadavg}; "n/a" where there is none. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
