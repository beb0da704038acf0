package dev.arrowownership.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The build's gate after PIT: every mutant no test detected must be listed, with a reason, in the
 * triage table of {@code mutation-reports/README.md}; otherwise the build fails and prints the
 * missing rows, ready to paste and explain.
 *
 * <p>Run by {@code mvn verify} (exec-maven-plugin) with the report, the README and the strictness as
 * arguments. Strict by default; {@code -Dpit.gate.strict=false} lists untriaged survivors as
 * warnings instead, e.g. while a change's new survivors are being triaged.
 */
public final class UntriagedSurvivors {
  private UntriagedSurvivors() {}

  /**
   * Checks {@code args[0]} (mutations.xml) against the table in {@code args[1]} (README.md);
   * {@code args[2]}, if {@code true}, makes an untriaged survivor fail the build.
   *
   * @throws IllegalStateException listing every untriaged survivor, when strict
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      throw new IllegalArgumentException("usage: UntriagedSurvivors <mutations.xml> <README.md> [strict]");
    }
    boolean strict = args.length < 3 || Boolean.parseBoolean(args[2]);
    Path report = Path.of(args[0]);
    if (!Files.isRegularFile(report)) {
      throw new IllegalStateException(report + " is missing: PIT did not run (mvn verify runs it)");
    }
    List<Mutant> mutants = Mutant.readAll(report);
    List<TriageRow> table = TriageRow.readTable(Path.of(args[1]));
    List<Mutant> untriaged = untriaged(mutants, table);
    List<TriageRow> stale = stale(mutants, table);
    long undetected = mutants.stream().filter(m -> !m.detected()).count();
    System.out.print(PackageScores.table(mutants));
    System.out.println("[mutation] " + mutants.size() + " mutants, " + undetected + " not detected, "
        + (undetected - untriaged.size()) + " of them triaged in " + args[1]);
    stale.forEach(r -> System.out.println("[mutation] stale row (no such survivor any more, remove it): " + r));
    if (!untriaged.isEmpty()) {
      StringBuilder rows = new StringBuilder();
      untriaged.forEach(m -> rows.append('\n').append(m.asRow(TriageRow.TODO + ": why equivalent, or which test kills it")));
      String message = untriaged.size() + " surviving mutant(s) not in the triage table of " + args[1]
          + "; kill each with a test, or add its row with a reason (replace TODO):" + rows;
      if (strict) {
        throw new IllegalStateException(message);
      }
      System.out.println("[mutation] WARNING (not strict: -Dpit.gate.strict=true fails here): " + message);
    }
  }

  /** The mutants no test detected that no row triages, in report order. */
  static List<Mutant> untriaged(List<Mutant> mutants, List<TriageRow> table) {
    return mutants.stream().filter(m -> !m.detected())
        .filter(m -> table.stream().noneMatch(row -> row.triages(m))).toList();
  }

  /**
   * The rows that name no undetected mutant: their mutant is killed now, or the code moved. A row
   * of a mutator this run did not use (STRONGER's, in a run of the default set) is not stale: it
   * waits for the run that uses it.
   */
  static List<TriageRow> stale(List<Mutant> mutants, List<TriageRow> table) {
    Set<String> used = mutants.stream().map(Mutant::mutatorName).collect(Collectors.toSet());
    return table.stream().filter(row -> used.contains(row.mutator()))
        .filter(row -> mutants.stream().noneMatch(m -> !m.detected() && row.names(m))).toList();
  }
}
