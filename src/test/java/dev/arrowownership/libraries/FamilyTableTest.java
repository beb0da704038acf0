package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule x family table: how each verdict becomes a row, and how the documented table is found. */
class FamilyTableTest {
  private static final Rule ONCE = Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE;
  private static final Rule CHILDREN = Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN;
  private static final Rule WHOLE = Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE;
  private static final Rule FAILURE = Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE;

  @Test
  void cellsSayPassFindingOptionalNotApplicableAndNotSupported() {
    FamilyTable table = new FamilyTable(Map.of(CHILDREN, "a known cause"));
    table.add("int32", new Verdict("t", List.of(RuleResult.passed(ONCE, "ok"), RuleResult.failed(CHILDREN, "child released"),
        RuleResult.failed(WHOLE, "accepted 2 of 4"), RuleResult.notApplicable(FAILURE, "no allocation"))));
    table.add("float16", new Verdict("t", List.of(RuleResult.unsupported(ONCE, "Unsupported type 12345678", "released"),
        RuleResult.passed(CHILDREN, "ok"), RuleResult.failed(WHOLE, "unknown cause"),
        RuleResult.notApplicable(FAILURE, "no allocation"))));

    assertThat(table.toMarkdown("family")).isEqualTo("| family | `" + ONCE.id() + "` | `" + CHILDREN.id() + "` | `"
        + WHOLE.id() + "` |\n|---|---|---|---|\n"
        + "| int32 | pass | **finding**: a known cause | optional, fails: accepted 2 of 4 |\n"
        + "| float16 | not supported: Unsupported type N | not supported: Unsupported type N | optional, fails: unknown cause |\n");
  }

  /** A refusal that then broke the rule is a finding in its own cell; the rules it kept read not supported. */
  @Test
  void aRefusalThatBrokeTheRuleIsAFinding() {
    FamilyTable table = new FamilyTable(Map.of());
    table.add("float16", new Verdict("t", List.of(RuleResult.failedRefusing(ONCE, "Unsupported", "[0, 1]"),
        RuleResult.passed(CHILDREN, "ok"))));
    assertThat(table.toMarkdown("family")).endsWith("| float16 | **finding**: refused the kit's valid input with"
        + " Unsupported, and then broke the rule: [0, 1] | not supported: Unsupported |\n");
  }

  @Test
  void aRuleNotApplicableToOneFamilyOnlyReadsNotApplicableThere() {
    FamilyTable table = new FamilyTable(Map.of());
    table.add("a", new Verdict("t", List.of(RuleResult.passed(FAILURE, "ok"))));
    table.add("b", new Verdict("t", List.of(RuleResult.notApplicable(FAILURE, "no allocation | here"))));
    assertThat(table.toMarkdown("family")).endsWith("| a | pass |\n| b | n/a: no allocation / here |\n");
  }

  @Test
  void theDocumentedTableIsTheRowsAfterItsMarker() {
    String document = "text\n<!-- families: x -->\n| a | b |\n|---|---|\n| 1 | 2 |\n\nmore\n| c |\n";
    assertThat(FamilyTable.documentedTable(document, "x")).isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assertThat(FamilyTable.documentedTable(document, "y")).isEmpty();
  }
}
