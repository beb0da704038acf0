package dev.arrowownership.mutation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The per-package summary of a PIT report, as {@code mutation-reports/README.md} shows it: killed
 * (time-outs and JVM crashes included, as PIT counts them), survived, no coverage, timed out,
 * mutation score and test strength.
 */
final class PackageScores {
  private PackageScores() {}

  /** A Markdown table with one row per package and a total row. */
  static String table(List<Mutant> mutants) {
    Map<String, List<Mutant>> byPackage = mutants.stream().collect(Collectors.groupingBy(
        m -> m.mutatedClass().substring(0, Math.max(0, m.mutatedClass().lastIndexOf('.'))), TreeMap::new,
        Collectors.toList()));
    StringBuilder table = new StringBuilder(
        "| package | mutants | killed | survived | no coverage | timed out | score | test strength |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    byPackage.forEach((name, list) -> table.append(row("`" + name + "`", list)));
    table.append(row("**total**", mutants));
    return table.toString();
  }

  private static String row(String name, List<Mutant> mutants) {
    long detected = mutants.stream().filter(Mutant::detected).count();
    long survived = count(mutants, "SURVIVED");
    long noCoverage = count(mutants, "NO_COVERAGE");
    long timedOut = count(mutants, "TIMED_OUT");
    long covered = mutants.size() - noCoverage;
    return "| " + name + " | " + mutants.size() + " | " + detected + " | " + survived + " | " + noCoverage + " | "
        + timedOut + " | " + percent(detected, mutants.size()) + " | " + percent(detected, covered) + " |\n";
  }

  private static long count(List<Mutant> mutants, String status) {
    return mutants.stream().filter(m -> m.status().equals(status)).count();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : (100 * part / whole) + "%";
  }
}
