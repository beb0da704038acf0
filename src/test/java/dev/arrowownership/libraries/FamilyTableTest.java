package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        RuleResult.failed(WHOLE, "accepted 2 of 4"), RuleResult.notApplicable(FAILURE, "no allocation"))),
        Optional.empty(), r -> false);
    table.add("float16", new Verdict("t", List.of(RuleResult.failed(ONCE, "refused"), RuleResult.passed(CHILDREN, "ok"),
        RuleResult.failed(WHOLE, "unknown cause"), RuleResult.notApplicable(FAILURE, "no allocation"))),
        Optional.of("Unsupported type 12345678"), r -> r.rule() == ONCE);

    assertThat(table.toMarkdown("family")).isEqualTo("| family | `" + ONCE.id() + "` | `" + CHILDREN.id() + "` | `"
        + WHOLE.id() + "` |\n|---|---|---|---|\n"
        + "| int32 | pass | **finding**: a known cause | optional, fails: accepted 2 of 4 |\n"
        + "| float16 | not supported: Unsupported type N | not supported: Unsupported type N | optional, fails: unknown cause |\n");
  }

  @Test
  void aRuleNotApplicableToOneFamilyOnlyReadsNotApplicableThere() {
    FamilyTable table = new FamilyTable(Map.of());
    table.add("a", new Verdict("t", List.of(RuleResult.passed(FAILURE, "ok"))), Optional.empty(), r -> false);
    table.add("b", new Verdict("t", List.of(RuleResult.notApplicable(FAILURE, "no allocation | here"))), Optional.empty(),
        r -> false);
    assertThat(table.toMarkdown("family")).endsWith("| a | pass |\n| b | n/a: no allocation / here |\n");
  }

  @Test
  void theDocumentedTableIsTheRowsAfterItsMarker() {
    String document = "text\n<!-- families: x -->\n| a | b |\n|---|---|\n| 1 | 2 |\n\nmore\n| c |\n";
    assertThat(FamilyTable.documentedTable(document, "x")).isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assertThat(FamilyTable.documentedTable(document, "y")).isEmpty();
  }

  @Test
  void aRefusedStreamIsCleanOnlyWhenEveryBrokenStreamReleasedEverythingOnce() {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS;
    assertThat(FamilyRefusals.cleanStream(RuleResult.failed(rule, "2 of 2 streams break it: [no batch: everything released"
        + " once, threw X, uneven: everything released once, threw X]"))).isTrue();
    assertThat(FamilyRefusals.cleanStream(RuleResult.failed(rule, "2 of 2 streams break it: [no batch: everything released"
        + " once, threw X, uneven: the stream released 0 times, threw X]"))).isFalse();
    assertThat(FamilyRefusals.cleanStream(RuleResult.failed(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE,
        "the stream was released 0 times (the consumer threw X)"))).isFalse();
  }
}
