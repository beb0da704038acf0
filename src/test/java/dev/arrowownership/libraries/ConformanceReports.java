package dev.arrowownership.libraries;

import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes each verdict a conformance test reaches to {@code target/conformance/<file>.md}, and holds
 * the library's report in {@code docs/conformance/} to it: the report must state every rule of the
 * verdict with the status observed ({@link DocumentedResults}), so a document cannot claim a pass the
 * tests no longer see, or miss a rule.
 */
public final class ConformanceReports {
  private static final Path DIRECTORY = Path.of("target", "conformance");

  private ConformanceReports() {}

  /**
   * Writes {@code verdict} as Markdown and returns it.
   *
   * @throws AssertionError listing every rule whose documented status differs from the verdict's, or
   *     that the documents miss or state beyond the verdict
   */
  public static Verdict write(String file, Verdict verdict) {
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(DIRECTORY.resolve(file + ".md"), verdict.toMarkdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> differences = differences(file, verdict, DocumentedResults.ofVerdict(file));
    if (!differences.isEmpty()) {
      throw new AssertionError("docs/conformance does not state what the tests observe for verdict '" + file
          + "' (a table announced by <!-- verdicts: " + file + " -->):\n  " + String.join("\n  ", differences));
    }
    return verdict;
  }

  /** What the documented cells of one verdict get wrong, one line each; empty when they agree. */
  static List<String> differences(String file, Verdict verdict, Map<String, DocumentedResults.Cell> documented) {
    List<String> differences = new ArrayList<>();
    for (RuleResult result : verdict.results()) {
      DocumentedResults.Cell cell = documented.get(result.rule().id());
      if (cell == null) {
        differences.add("`" + result.rule().id() + "` is not documented; observed " + result.status() + ": "
            + result.message());
      } else if (cell.status() != result.status()) {
        differences.add("`" + result.rule().id() + "` is documented in " + cell.report() + " as " + cell.status()
            + " (\"" + cell.text() + "\"), observed " + result.status() + ": " + result.message());
      }
    }
    Set<String> checked = verdict.results().stream().map(r -> r.rule().id()).collect(Collectors.toSet());
    documented.keySet().stream().filter(rule -> !checked.contains(rule))
        .forEach(rule -> differences.add("`" + rule + "` is documented for '" + file + "' but the verdict has no such rule"));
    return differences;
  }
}
