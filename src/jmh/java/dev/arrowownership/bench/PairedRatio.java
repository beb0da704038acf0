package dev.arrowownership.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The wrapper/raw ratio of paired samples and its 95% percentile-bootstrap interval.
 *
 * <p>Two statistics: the median of the per-pair ratios (robust against a load spike that hits one
 * pair) and the ratio of the means (what a long run costs in total). The bootstrap is two-level, as
 * the samples are: it resamples forks with replacement, then pairs within each drawn fork, so a fork
 * that ran on a slower moment of the machine counts as one fork, not as many independent pairs.
 *
 * @param forks the pairs of each fork, each pair {@code {raw, wrapper}} in ns/op
 */
record PairedRatio(List<double[][]> forks) {
  static final int RESAMPLES = 2000;

  /** The median of wrapper/raw over all pairs. */
  double medianOfRatios() {
    return medianOfRatios(forks);
  }

  /** Mean wrapper time over mean raw time. */
  double ratioOfMeans() {
    return ratioOfMeans(forks);
  }

  /** The 2.5th and 97.5th percentiles of the median of ratios over bootstrap resamples. */
  double[] medianOfRatiosInterval(long seed) {
    return interval(seed, true);
  }

  /** The 2.5th and 97.5th percentiles of the ratio of means over bootstrap resamples. */
  double[] ratioOfMeansInterval(long seed) {
    return interval(seed, false);
  }

  /** The median of one side (0: raw, 1: wrapper) in ns/op over all pairs. */
  double median(int side) {
    return median(Arrays.stream(all(forks)).mapToDouble(p -> p[side]).toArray());
  }

  /** The median ratio within each fork, smallest and largest: the spread between forks. */
  double[] forkMedianRange() {
    double[] perFork = forks.stream().mapToDouble(f -> medianOfRatios(List.<double[][]>of(f))).toArray();
    return new double[] {Arrays.stream(perFork).min().orElseThrow(), Arrays.stream(perFork).max().orElseThrow()};
  }

  /** The 10th and 90th percentiles of the per-pair ratios: the spread between pairs. */
  double[] pairRatioSpread() {
    double[] ratios = ratios(all(forks));
    Arrays.sort(ratios);
    return new double[] {percentile(ratios, 0.10), percentile(ratios, 0.90)};
  }

  /** The number of pairs over all forks. */
  int pairCount() {
    return all(forks).length;
  }

  private double[] interval(long seed, boolean medianOfRatios) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] statistics = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      List<double[][]> resample = new java.util.ArrayList<>(forks.size());
      for (int f = 0; f < forks.size(); f++) {
        double[][] fork = forks.get(random.nextInt(forks.size()));
        double[][] drawn = new double[fork.length][];
        for (int i = 0; i < fork.length; i++) {
          drawn[i] = fork[random.nextInt(fork.length)];
        }
        resample.add(drawn);
      }
      statistics[b] = medianOfRatios ? medianOfRatios(resample) : ratioOfMeans(resample);
    }
    Arrays.sort(statistics);
    return new double[] {percentile(statistics, 0.025), percentile(statistics, 0.975)};
  }

  private static double medianOfRatios(List<double[][]> forks) {
    return median(ratios(all(forks)));
  }

  private static double ratioOfMeans(List<double[][]> forks) {
    double raw = 0;
    double wrapper = 0;
    for (double[] pair : all(forks)) {
      raw += pair[0];
      wrapper += pair[1];
    }
    return wrapper / raw;
  }

  private static double[][] all(List<double[][]> forks) {
    return forks.stream().flatMap(Arrays::stream).toArray(double[][]::new);
  }

  private static double[] ratios(double[][] pairs) {
    return Arrays.stream(pairs).mapToDouble(p -> p[1] / p[0]).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentile(sorted, 0.5);
  }

  /** Linear interpolation between the closest ranks of {@code sorted}. */
  private static double percentile(double[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }
}
