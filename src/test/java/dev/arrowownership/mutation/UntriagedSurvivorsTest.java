package dev.arrowownership.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survivor gate fails on every undetected mutant the table does not triage, and only then. */
class UntriagedSurvivorsTest {
  private static final String MUTATORS = "org.pitest.mutationtest.engine.gregor.mutators.";

  @TempDir Path dir;

  private static String mutation(boolean detected, String status, String cls, String method, int line,
      String mutator, String description) {
    return "<mutation detected='" + detected + "' status='" + status + "' numberOfTestsRun='1'>"
        + "<sourceFile>X.java</sourceFile><mutatedClass>" + cls + "</mutatedClass><mutatedMethod>" + method
        + "</mutatedMethod><methodDescription>()V</methodDescription><lineNumber>" + line + "</lineNumber>"
        + "<mutator>" + MUTATORS + mutator + "</mutator><indexes><index>3</index></indexes><blocks><block>1</block>"
        + "</blocks><killingTest/><description>" + description + "</description></mutation>\n";
  }

  private Path report() throws IOException {
    return Files.writeString(dir.resolve("mutations.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n"
        + mutation(false, "SURVIVED", "dev.arrowownership.wrapper.StateCell", "awaitOther", 40,
            "ConditionalsBoundaryMutator", "changed conditional boundary")
        + mutation(false, "NO_COVERAGE", "dev.arrowownership.ledger.Violation", "toString", 20,
            "EmptyObjectReturnValsMutator", "replaced return value with \"\" for toString")
        + mutation(true, "KILLED", "dev.arrowownership.wrapper.StateCell", "claim", 30,
            "NegateConditionalsMutator", "negated conditional")
        + "</mutations>\n");
  }

  private Path readme(String... rows) throws IOException {
    return Files.writeString(dir.resolve("README.md"), "# Mutation testing\n\n## Triage\n\n"
        + "| class | method | line | mutator | why |\n|---|---|---|---|---|\n" + String.join("\n", rows)
        + "\n\n## Next section\n| `Violation` | `toString` | 20 | EmptyObjectReturnValsMutator | outside the table |\n");
  }

  private static final String STATE_CELL_ROW =
      "| `StateCell` | `awaitOther` | 40 | ConditionalsBoundaryMutator | equivalent: > and >= at nanosecond resolution |";
  private static final String VIOLATION_ROW =
      "| `dev.arrowownership.ledger.Violation` | `toString` | for toString | EmptyObjectReturnValsMutator | ViolationTest should kill it |";

  /** A fully triaged report passes. */
  @Test
  void passesWhenEverySurvivorIsTriaged() throws IOException {
    UntriagedSurvivors.main(new String[] {report().toString(), readme(STATE_CELL_ROW, VIOLATION_ROW).toString()});
  }

  /** A survivor without a row fails the build, and the message carries its row to paste. */
  @Test
  void failsListingEachUntriagedSurvivor() throws IOException {
    String[] args = {report().toString(), readme(STATE_CELL_ROW).toString()};
    assertThatThrownBy(() -> UntriagedSurvivors.main(args)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 surviving mutant(s) not in the triage table")
        .hasMessageContaining("| `Violation` | `toString` | 20 | EmptyObjectReturnValsMutator | TODO:")
        .hasMessageNotContaining("awaitOther");
  }

  /** Not strict, the same survivor is reported with its row and the build goes on; strict, it fails. */
  @Test
  void warnsInsteadOfFailingWhenNotStrict() throws IOException {
    String readme = readme(STATE_CELL_ROW).toString();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream previous = System.out;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      UntriagedSurvivors.main(new String[] {report().toString(), readme, "false"});
    } finally {
      System.setOut(previous);
    }
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("[mutation] WARNING (not strict")
        .contains("| `Violation` | `toString` | 20 | EmptyObjectReturnValsMutator | TODO:");
    assertThatThrownBy(() -> UntriagedSurvivors.main(new String[] {report().toString(), readme, "true"}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 surviving mutant(s)");
  }

  /** A row whose reason is still TODO, or whose line or mutator differs, triages nothing. */
  @Test
  void rowsMustMatchExactlyAndGiveAReason() throws IOException {
    var mutants = Mutant.readAll(report());
    var table = TriageRow.readTable(readme(
        "| `StateCell` | `awaitOther` | 41 | ConditionalsBoundaryMutator | equivalent |",
        "| `StateCell` | `awaitOther` | 40 | NegateConditionalsMutator | equivalent |",
        "| `Violation` | `toString` | 20 | EmptyObjectReturnValsMutator | TODO: look at it |"));
    assertThat(UntriagedSurvivors.untriaged(mutants, table)).extracting(Mutant::method)
        .containsExactly("awaitOther", "toString");
    assertThat(UntriagedSurvivors.stale(mutants, table)).extracting(TriageRow::lineOrDescription)
        .containsExactly("41", "40");
  }

  /** A row of a mutator the run did not use is not stale: it belongs to a run with another mutator set. */
  @Test
  void rowsOfMutatorsTheRunDidNotUseAreNotStale() throws IOException {
    var mutants = Mutant.readAll(report());
    var table = TriageRow.readTable(readme(
        "| `StateCell` | `awaitOther` | 41 | RemoveConditionalMutator_EQUAL_ELSE | equivalent under STRONGER |",
        "| `StateCell` | `awaitOther` | 41 | ConditionalsBoundaryMutator | equivalent |"));
    assertThat(mutants).extracting(Mutant::mutatorName).doesNotContain("RemoveConditionalMutator_EQUAL_ELSE");
    assertThat(UntriagedSurvivors.stale(mutants, table)).extracting(TriageRow::mutator)
        .containsExactly("ConditionalsBoundaryMutator");
  }

  /** The per-package table counts each status; strength leaves out the uncovered mutants. */
  @Test
  void packageScoresCountEachStatus() throws IOException {
    assertThat(PackageScores.table(Mutant.readAll(report()))).contains(
        "| `dev.arrowownership.ledger` | 1 | 0 | 0 | 1 | 0 | 0% | - |",
        "| `dev.arrowownership.wrapper` | 2 | 1 | 1 | 0 | 0 | 50% | 50% |",
        "| **total** | 3 | 1 | 1 | 1 | 0 | 33% | 50% |");
  }

  /** A missing report (PIT did not run) fails instead of passing vacuously. */
  @Test
  void missingReportFails() throws IOException {
    String[] args = {dir.resolve("absent.xml").toString(), readme().toString()};
    assertThatThrownBy(() -> UntriagedSurvivors.main(args)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PIT did not run");
  }

  /** A README without the triage heading fails. */
  @Test
  void readmeWithoutTableFails() throws IOException {
    Path readme = Files.writeString(dir.resolve("README.md"), "# nothing here\n");
    assertThatThrownBy(() -> TriageRow.readTable(readme)).isInstanceOf(IOException.class)
        .hasMessageContaining("no \"## Triage\" section");
  }
}
