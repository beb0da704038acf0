package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule x row Markdown table: columns in the order rules first appear, a rule n/a everywhere left out. */
class RuleGridTest {
  private static final Rule ONCE = Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE;
  private static final Rule CHILDREN = Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN;
  private static final Rule FAILURE = Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE;

  @Test
  void rowsAndColumnsInOrderAndAnUnsetCellIsNotMeasured() {
    RuleGrid grid = new RuleGrid();
    grid.add("a", cells(ONCE, "pass", FAILURE, "n/a: none"));
    grid.add("b", cells(CHILDREN, "x", ONCE, "y"));
    grid.addUniform("c", "not built");

    assertThat(grid.toMarkdown("family")).isEqualTo("| family | `" + ONCE.id() + "` | `" + FAILURE.id() + "` | `"
        + CHILDREN.id() + "` |\n|---|---|---|---|\n| a | pass | n/a: none | not measured |\n| b | y | not measured | x |\n"
        + "| c | not built | not built | not built |\n");
  }

  /**
   * A rule n/a in one row but not another keeps its column, one n/a (or unset) everywhere is left out;
   * a row added again replaces the first.
   */
  @Test
  void aRuleApplicableSomewhereKeepsItsColumnAndARowIsReplaced() {
    RuleGrid grid = new RuleGrid();
    grid.add("a", cells(FAILURE, "n/a", CHILDREN, "n/a: leaf"));
    grid.add("b", cells(FAILURE, "pass"));
    grid.add("a", cells(FAILURE, "n/a: again", CHILDREN, "n/a: leaf"));
    assertThat(grid.toMarkdown("x")).isEqualTo("| x | `" + FAILURE.id() + "` |\n|---|---|\n| a | n/a: again |\n| b | pass |\n");
  }

  @Test
  void noRowsIsAHeaderOnly() {
    assertThat(new RuleGrid().toMarkdown("x")).isEqualTo("| x |\n|---|\n");
  }

  @Test
  void shortenKeepsTheFirstLineSafeInACell() {
    assertThat(RuleGrid.shorten("  a | b  \nsecond")).isEqualTo("a / b");
    assertThat(RuleGrid.shorten("")).isEmpty();
    String fits = "x".repeat(130);
    assertThat(RuleGrid.shorten(fits)).isEqualTo(fits);
    assertThat(RuleGrid.shorten(fits + "y")).isEqualTo("x".repeat(127) + "...");
  }

  private static Map<Rule, String> cells(Object... ruleThenText) {
    Map<Rule, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < ruleThenText.length; i += 2) {
      cells.put((Rule) ruleThenText[i], (String) ruleThenText[i + 1]);
    }
    return cells;
  }
}
