package dev.arrowownership.libraries;

import dev.arrowownership.conformance.RuleResult.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule results a library report in {@code docs/conformance/} states, read from its tables, so that
 * tests can hold the documents to what they observe.
 *
 * <p>A table of kit results is announced by a comment naming the verdict of each result column, the
 * names {@link ConformanceReports#write} is given: {@code <!-- verdicts: duckdb-producer -->} before
 * {@code | rule | result |}; {@code a+b} names two verdicts one column states alike. A row is a rule id in backticks, then one cell per verdict whose first word
 * says the status: {@code pass}, {@code **finding**} (a required rule broken, known upstream),
 * {@code fails} or {@code **fails (optional)**} (an optional rule broken) or {@code n/a} / {@code not applicable} (with why).
 */
final class DocumentedResults {
  static final Path DIRECTORY = Path.of("docs", "conformance");
  private static final Pattern MARKER = Pattern.compile("<!--\\s*verdicts:\\s*([^>]*?)\\s*-->");
  private static final Pattern RULE_ROW = Pattern.compile("^\\|\\s*`([a-z_]+)`\\s*\\|(.*)\\|\\s*$");

  /** One documented cell: the library report it is in, the verdict, the rule, the status and the text. */
  record Cell(Path report, String verdict, String rule, Status status, String text) {}

  private DocumentedResults() {}

  /** Every documented cell of every report in {@link #DIRECTORY}. */
  static List<Cell> all() {
    try (Stream<Path> reports = Files.list(DIRECTORY)) {
      List<Cell> cells = new ArrayList<>();
      for (Path report : reports.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        cells.addAll(of(report));
      }
      return cells;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documented cells of one report. */
  static List<Cell> of(Path report) {
    List<String> lines = read(report);
    List<Cell> cells = new ArrayList<>();
    List<String> verdicts = List.of();
    boolean inTable = false;
    for (String line : lines) {
      Matcher marker = MARKER.matcher(line);
      if (marker.find()) {
        verdicts = List.of(marker.group(1).split("\\s+"));
        continue;
      }
      if (!line.startsWith("|")) {
        if (inTable || !line.isBlank()) { // a marker covers the one table right after it
          verdicts = List.of();
        }
        inTable = false;
        continue;
      }
      inTable = true;
      Matcher row = RULE_ROW.matcher(line);
      if (row.matches() && !verdicts.isEmpty()) {
        cells.addAll(cellsOf(report, verdicts, row.group(1), row.group(2)));
      }
    }
    return cells;
  }

  /** The documented results of one verdict, by rule id, in the order of the report. */
  static Map<String, Cell> ofVerdict(String verdict) {
    Map<String, Cell> byRule = new LinkedHashMap<>();
    all().stream().filter(c -> c.verdict().equals(verdict)).forEach(c -> byRule.put(c.rule(), c));
    return byRule;
  }

  /** The status a cell's first words state, if it states one. */
  static Optional<Status> statusOf(String text) {
    String cell = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (cell.startsWith("pass")) {
      return Optional.of(Status.PASSED);
    }
    if (cell.startsWith("**finding**")) {
      return Optional.of(Status.FINDING);
    }
    if (cell.startsWith("fails") || cell.startsWith("**fails")) {
      return Optional.of(Status.FAILED);
    }
    if (cell.startsWith("n/a") || cell.startsWith("not applicable")) {
      return Optional.of(Status.NOT_APPLICABLE);
    }
    if (cell.startsWith("not supported") || cell.startsWith("unsupported")) {
      return Optional.of(Status.UNSUPPORTED);
    }
    return Optional.empty();
  }

  private static List<Cell> cellsOf(Path report, List<String> verdicts, String rule, String rest) {
    String[] texts = rest.split("\\|", -1);
    if (texts.length != verdicts.size()) {
      throw new IllegalStateException(report + ": the row of `" + rule + "` has " + texts.length + " result cells, its"
          + " table's marker names " + verdicts.size() + " verdicts " + verdicts);
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i].strip();
      Status status = statusOf(text).orElseThrow(() -> new IllegalStateException(report + ": the cell of `" + rule
          + "` does not start with pass, **finding**, fails or n/a: " + text));
      for (String verdict : verdicts.get(i).split("\\+")) { // a+b: one column stating both verdicts alike
        cells.add(new Cell(report, verdict, rule, status, text));
      }
    }
    return cells;
  }

  private static List<String> read(Path report) {
    try {
      return Files.readAllLines(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
