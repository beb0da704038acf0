package dev.arrowownership.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link PairedOverhead}'s results as a Markdown table (with how they were measured) and as CSV.
 *
 * @param samples the pairs per configuration, per fork
 * @param loads the 1-minute load average after each fork
 */
record OverheadTable(Map<PairedOverhead.Config, List<double[][]>> samples, int forks, int pairs,
    int warmupMillis, Instant start, Instant end, String loadBefore, List<String> loads) {

  private static final long SEED = 42;

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Wrapper overhead, paired measurement\n\n")
        .append(String.format(Locale.ROOT, "%s, %d s; %d processors; %s %s; load average %s before, %s to %s"
                + " after each fork.%n%n",
            start, Duration.between(start, end).toSeconds(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"), System.getProperty("java.version"), loadBefore,
            loads.stream().mapToDouble(OverheadTable::number).min().orElse(Double.NaN),
            loads.stream().mapToDouble(OverheadTable::number).max().orElse(Double.NaN)))
        .append(String.format(Locale.ROOT, "%d forks per row, %d pairs per fork after at least %d ms of warm-up and until the JIT was idle; a pair is"
            + " one block of raw and one of wrapper lifecycles in a random order, each block's value the median"
            + " of its lifecycles' times (%d per block at 1 and 1,000 rows, %d at 100,000). Ratios are wrapper / raw;"
            + " intervals are 95%% two-level percentile bootstraps (forks, then pairs within forks; %d"
            + " resamples).%n%n", forks, pairs, warmupMillis, new PairedOverhead.Config(1, null).opsPerBlock(),
            new PairedOverhead.Config(100_000, null).opsPerBlock(), PairedRatio.RESAMPLES))
        .append("| rows | leak net | raw median (us/op) | wrapper median (us/op) | median of pair ratios [95% CI]"
            + " | ratio of means [95% CI] | fork medians (min to max) | pair ratios (p10 to p90) |\n")
        .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows()) {
      md.append(String.format(Locale.ROOT,
          "| %,d | %s | %.1f | %.1f | **%.3f** [%.3f, %.3f] | %.3f [%.3f, %.3f] | %.3f to %.3f | %.2f to %.2f |%n",
          r.config.rows(), r.config.level(), r.rawUs, r.wrapperUs, r.median, r.medianCi[0], r.medianCi[1],
          r.means, r.meansCi[0], r.meansCi[1], r.forkRange[0], r.forkRange[1], r.spread[0], r.spread[1]));
    }
    return md.toString();
  }

  String csv() {
    StringBuilder csv = new StringBuilder("rows,leak_level,forks,pairs,ops_per_block,raw_median_us,wrapper_median_us,"
        + "median_ratio,median_ratio_low,median_ratio_high,ratio_of_means,ratio_of_means_low,ratio_of_means_high,"
        + "fork_median_min,fork_median_max,pair_ratio_p10,pair_ratio_p90\n");
    for (Row r : rows()) {
      csv.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%.2f,%.2f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n",
          r.config.rows(), r.config.level(), r.forks, r.pairs, r.config.opsPerBlock(), r.rawUs, r.wrapperUs,
          r.median, r.medianCi[0], r.medianCi[1], r.means, r.meansCi[0], r.meansCi[1], r.forkRange[0],
          r.forkRange[1], r.spread[0], r.spread[1]));
    }
    return csv.toString();
  }

  /** One configuration's statistics, computed once for both outputs. */
  private record Row(PairedOverhead.Config config, int forks, int pairs, double rawUs, double wrapperUs,
      double median, double[] medianCi, double means, double[] meansCi, double[] forkRange, double[] spread) {}

  private List<Row> rows() {
    return samples.entrySet().stream().map(e -> {
      PairedRatio ratio = new PairedRatio(e.getValue());
      return new Row(e.getKey(), e.getValue().size(), ratio.pairCount(), ratio.median(0) / 1e3,
          ratio.median(1) / 1e3, ratio.medianOfRatios(), ratio.medianOfRatiosInterval(SEED), ratio.ratioOfMeans(),
          ratio.ratioOfMeansInterval(SEED), ratio.forkMedianRange(), ratio.pairRatioSpread());
    }).toList();
  }

  private static double number(String load) {
    try {
      return Double.parseDouble(load);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
