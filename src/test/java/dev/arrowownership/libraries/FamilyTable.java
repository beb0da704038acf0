package dev.arrowownership.libraries;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleGrid;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table of rule x type family built from the verdicts a test observed, one row per family (or per
 * type of the library), one column per rule: each cell {@code pass}, {@code **finding**: cause} or
 * {@code not supported: the library's own error}. {@link #assertDocumented} holds the table that
 * follows {@code <!-- families: name -->} in {@code docs/conformance/<file>} to it, so the document
 * cannot drift from the tests.
 */
final class FamilyTable {
  private final Map<Rule, String> causes;
  private final RuleGrid grid = new RuleGrid();

  /**
   * {@code causes}: the one-line cause of each rule a known finding breaks, as its cells state it; a
   * rule broken without one reads as the verdict's own message, shortened.
   */
  FamilyTable(Map<Rule, String> causes) {
    this.causes = Map.copyOf(causes);
  }

  /**
   * Adds the row of {@code family}: a rule not applicable to this family reads {@code n/a} with the
   * kit's reason (a leaf has no children). When the library refused the family's valid input (a
   * result names its {@link RuleResult#refusal()}), every rule it kept or could not be checked on
   * accepted input ({@link Status#UNSUPPORTED}) reads {@code not supported} with the library's error;
   * any broken rule reads as a finding.
   */
  void add(String family, Verdict verdict) {
    Optional<String> refusal = verdict.results().stream().map(RuleResult::refusal).flatMap(Optional::stream).findFirst();
    Map<Rule, String> cells = new LinkedHashMap<>();
    for (RuleResult result : verdict.results()) {
      cells.put(result.rule(), cell(result, refusal));
    }
    grid.add(family, cells);
  }

  /** Adds a row whose every cell is {@code text}: the family never reached the rules (e.g. the library cannot build it). */
  void addUniform(String family, String text) {
    grid.addUniform(family, text);
  }

  private String cell(RuleResult result, Optional<String> refusal) {
    return switch (result.status()) {
      case NOT_APPLICABLE -> "n/a: " + RuleGrid.shorten(result.message());
      case PASSED -> refusal.map(FamilyTable::notSupported).orElse("pass");
      case UNSUPPORTED -> notSupported(result.refusal().orElseThrow());
      case FAILED, FINDING -> {
        String cause = causes.getOrDefault(result.rule(), RuleGrid.shorten(observed(result)));
        yield result.rule().required() ? "**finding**: " + cause : "optional, fails: " + cause;
      }
    };
  }

  /**
   * The observation in a failed result's message, without the rule and spec section it starts with
   * and the hint ("If this fails, check: ...") it ends with.
   */
  static String observed(RuleResult result) {
    String message = result.message();
    int end = message.indexOf("): ");
    String observed = message.startsWith(result.rule().id()) && end >= 0 ? message.substring(end + 3) : message;
    int hint = observed.indexOf(". If this fails, check:");
    return hint >= 0 ? observed.substring(0, hint) : observed;
  }

  /** The refusal's text, numbers of four or more digits read as {@code N}: some refusals quote a value read from memory that changes from run to run. */
  static String notSupported(String error) {
    return "not supported: " + RuleGrid.shorten(error.replaceAll("-?\\d{4,}", "N"));
  }

  /** The table as Markdown: one row per family, one column per rule (a rule not applicable to any family left out). */
  String toMarkdown(String firstColumn) {
    return grid.toMarkdown(firstColumn);
  }

  /**
   * Writes the table to {@code target/conformance/families-<name>.md} and fails unless the table
   * after {@code <!-- families: name -->} in {@code docs/conformance/<file>} is the same, line by line.
   */
  void assertDocumented(String file, String name, String firstColumn) {
    String observed = toMarkdown(firstColumn);
    try {
      Path out = Path.of("target", "conformance");
      Files.createDirectories(out);
      Files.writeString(out.resolve("families-" + name + ".md"), observed);
      String documented = documentedTable(Files.readString(Path.of("docs", "conformance", file)), name);
      if (!documented.equals(observed)) {
        throw new AssertionError("docs/conformance/" + file + " does not state what the tests observe for families table '"
            + name + "' (after <!-- families: " + name + " -->); observed (also in target/conformance/families-" + name
            + ".md):\n" + observed + "\ndocumented:\n" + documented);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table lines (those starting with {@code |}) right after the marker, or empty. */
  static String documentedTable(String document, String name) {
    String marker = "<!-- families: " + name + " -->";
    int at = document.indexOf(marker);
    if (at < 0) {
      return "";
    }
    StringBuilder table = new StringBuilder();
    for (String line : document.substring(at + marker.length()).strip().lines().toList()) {
      if (!line.startsWith("|")) {
        break;
      }
      table.append(line).append('\n');
    }
    return table.toString();
  }
}
