package dev.arrowownership.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One row of the triage table in {@code mutation-reports/README.md}: class, method, line (or a piece
 * of PIT's description), mutator, and why the survivor is equivalent or which test should kill it.
 */
record TriageRow(String className, String method, String lineOrDescription, String mutator, String reason) {
  /** The heading the triage table follows. */
  static final String HEADING = "## Triage";
  /** A reason that still starts with this triages nothing. */
  static final String TODO = "TODO";

  /** True if this row names {@code mutant} and gives a reason. */
  boolean triages(Mutant mutant) {
    return names(mutant) && !reason.isBlank() && !reason.startsWith(TODO);
  }

  /** True if this row's class, method, line or description, and mutator name {@code mutant}. */
  boolean names(Mutant mutant) {
    boolean classMatches = mutant.mutatedClass().equals(className) || mutant.mutatedClass().endsWith("." + className);
    boolean placeMatches = lineOrDescription.matches("\\d+")
        ? Integer.parseInt(lineOrDescription) == mutant.line()
        : mutant.description().contains(lineOrDescription);
    boolean mutatorMatches = mutant.mutator().equals(mutator) || mutant.mutatorName().equals(mutator);
    return classMatches && mutant.method().equals(method) && placeMatches && mutatorMatches;
  }

  /**
   * The rows of the first table after the {@link #HEADING} line of {@code readme}; header and
   * separator rows are skipped.
   *
   * @throws IOException if the file has no such heading
   */
  static List<TriageRow> readTable(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith(HEADING)) {
      start++;
    }
    if (start == lines.size()) {
      throw new IOException(readme + " has no \"" + HEADING + "\" section with the triage table");
    }
    List<TriageRow> rows = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      parse(line).ifPresent(rows::add);
    }
    return rows;
  }

  private static Optional<TriageRow> parse(String line) {
    String row = line.strip();
    if (!row.startsWith("|") || !row.endsWith("|") || row.length() < 2) {
      return Optional.empty();
    }
    List<String> cells = Arrays.stream(row.substring(1, row.length() - 1).split("\\|", -1))
        .map(c -> c.replace("`", "").trim()).toList();
    if (cells.size() < 5 || cells.get(0).equals("class") || cells.get(0).startsWith("---")) {
      return Optional.empty();
    }
    String reason = String.join("|", cells.subList(4, cells.size())).trim();
    return Optional.of(new TriageRow(cells.get(0), cells.get(1), cells.get(2), cells.get(3), reason));
  }
}
