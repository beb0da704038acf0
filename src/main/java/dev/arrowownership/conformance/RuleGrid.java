package dev.arrowownership.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Markdown table of rule x row (a type family, a generated layout): one row per thing checked, one
 * column per rule, each cell the text its maker chose. A rule whose every cell reads {@code n/a...}
 * is left out, since it says nothing about any row; a cell never set reads {@code not measured}.
 */
public final class RuleGrid {
  private static final int MAX_CELL = 130;
  private final Map<String, Map<Rule, String>> rows = new LinkedHashMap<>();
  private final List<Rule> rules = new ArrayList<>();

  /** Adds (or replaces) the row {@code label} with one cell per rule, in rule order; new rules get a column. */
  public void add(String label, Map<Rule, String> cells) {
    cells.keySet().stream().filter(rule -> !rules.contains(rule)).forEach(rules::add);
    rows.put(label, new LinkedHashMap<>(cells));
  }

  /** Adds the row {@code label} with {@code text} under every rule seen so far. */
  public void addUniform(String label, String text) {
    Map<Rule, String> cells = new LinkedHashMap<>();
    rules.forEach(rule -> cells.put(rule, text));
    rows.put(label, cells);
  }

  /** The first line of {@code text}, at most {@value #MAX_CELL} characters, {@code |} as {@code /}: safe in a cell. */
  public static String shorten(String text) {
    String line = text.lines().findFirst().orElse("").replace('|', '/').strip();
    return line.length() <= MAX_CELL ? line : line.substring(0, MAX_CELL - 3) + "...";
  }

  /** The table, headed {@code firstColumn} then one backquoted rule id per column, each line ending in a newline. */
  public String toMarkdown(String firstColumn) {
    List<Rule> shown = rules.stream()
        .filter(rule -> rows.values().stream().anyMatch(cells -> !cells.getOrDefault(rule, "n/a").startsWith("n/a")))
        .toList();
    StringBuilder text = new StringBuilder("| ").append(firstColumn);
    shown.forEach(rule -> text.append(" | `").append(rule.id()).append('`'));
    text.append(" |\n|---").append("|---".repeat(shown.size())).append("|\n");
    rows.forEach((label, cells) -> {
      text.append("| ").append(label);
      shown.forEach(rule -> text.append(" | ").append(cells.getOrDefault(rule, "not measured")));
      text.append(" |\n");
    });
    return text.toString();
  }
}
