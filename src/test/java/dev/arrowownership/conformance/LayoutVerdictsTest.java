package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.support.JUnitReports;
import dev.arrowownership.support.JUnitReports.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One role's verdicts over generated layouts: the counts, the first failing layout, the cells, the reports. */
class LayoutVerdictsTest {
  private static final Rule ONCE = Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE;
  private static final Rule CHILDREN = Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN;
  private static final Rule FAILURE = Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE;
  private static final Rule WHOLE = Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE;

  private static final List<RuleResult> PASSING = List.of(RuleResult.passed(ONCE, "ok"), RuleResult.passed(CHILDREN, "ok"),
      RuleResult.notApplicable(FAILURE, "no allocation"));
  private static final List<RuleResult> REFUSED = List.of(RuleResult.unsupported(ONCE, "ENOTSUP | 95\nmore", "released"),
      RuleResult.unsupported(CHILDREN, "ENOTSUP | 95\nmore", "released"), RuleResult.notApplicable(FAILURE, "no allocation"));
  private static final List<RuleResult> FAILING = List.of(RuleResult.failed(ONCE, "leaked\nthe array"),
      RuleResult.passed(CHILDREN, "ok"), RuleResult.notApplicable(FAILURE, "no allocation"), RuleResult.failed(WHOLE, "half"));

  /** Counts each layout once: passed, refused (conforming, some input refused) or failed (a refusal too counts failed). */
  @Test
  void summaryCountsLayoutsAndNamesTheFirstFailingOneWithItsRequiredRules() {
    LayoutVerdicts verdicts = new LayoutVerdicts("lib-consumer-layouts");
    verdicts.add("i", PASSING);
    verdicts.add("+r<s,u>", FAILING);
    verdicts.add("u", REFUSED);
    verdicts.add("+ud:0,1", List.of(RuleResult.failedRefusing(ONCE, "ENOTSUP", "[0, 1]"),
        RuleResult.unsupported(CHILDREN, "ENOTSUP", "released"), RuleResult.failed(FAILURE, "kept")));
    verdicts.add("z", List.of(RuleResult.passed(ONCE, "ok"), RuleResult.failed(WHOLE, "half")));

    assertThat(verdicts.conforms()).isFalse();
    assertThat(verdicts.refused()).isTrue();
    assertThat(verdicts.target()).isEqualTo("lib-consumer-layouts");
    assertThat(verdicts.summary()).isEqualTo("lib-consumer-layouts does not conform on 5 generated layouts: 2 passed,"
        + " 1 refused (unsupported: the kit's valid input refused), 2 failed; the first failing layout: +r<s,u> ("
        + ONCE.id() + ")");
    assertThat(verdicts.failing()).extracting(Verdict::target)
        .containsExactly("lib-consumer-layouts on +r<s,u>", "lib-consumer-layouts on +ud:0,1");
    assertThat(verdicts.verdicts()).extracting(Verdict::target).containsExactly("lib-consumer-layouts on i",
        "lib-consumer-layouts on +r<s,u>", "lib-consumer-layouts on u", "lib-consumer-layouts on +ud:0,1",
        "lib-consumer-layouts on z");
    assertThat(verdicts.verdicts().get(1).results()).isEqualTo(FAILING);
  }

  @Test
  void theFirstFailingLayoutNamesEveryRequiredRuleItFailed() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("+w:2<i>", List.of(RuleResult.failed(ONCE, "x"), RuleResult.failed(WHOLE, "y"), RuleResult.failed(CHILDREN, "z")));
    verdicts.add("+r<i,i>", FAILING);
    assertThat(verdicts.summary()).endsWith("0 passed, 0 refused (unsupported: the kit's valid input refused), 2 failed;"
        + " the first failing layout: +w:2<i> (" + ONCE.id() + ", " + CHILDREN.id() + ")");
  }

  @Test
  void layoutsThatPassOrAreRefusedConform() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("i", PASSING);
    assertThat(verdicts.conforms()).isTrue();
    assertThat(verdicts.refused()).isFalse();
    assertThat(verdicts.failing()).isEmpty();
    verdicts.add("u", REFUSED);
    assertThat(verdicts.conforms()).isTrue();
    assertThat(verdicts.refused()).isTrue();
    assertThat(verdicts.summary()).isEqualTo("t conforms on 2 generated layouts: 1 passed, 1 refused (unsupported: the"
        + " kit's valid input refused), 0 failed");
  }

  /** Every layout refused: it conforms (nothing broke), and the summary leads with what it did not accept. */
  @Test
  void everyLayoutRefusedSaysSoFirst() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("u", REFUSED);
    assertThat(verdicts.conforms()).isTrue();
    assertThat(verdicts.summary()).isEqualTo("t refused every layout, so it conforms with nothing accepted, on 1"
        + " generated layouts: 0 passed, 1 refused (unsupported: the kit's valid input refused), 0 failed");
  }

  /** No layout checked decides nothing: it does not conform (a check that cannot fail is no check). */
  @Test
  void noLayoutDoesNotConform() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    assertThat(verdicts.conforms()).isFalse();
    assertThat(verdicts.refused()).isFalse();
    assertThat(verdicts.summary()).isEqualTo("t was checked on no layout: nothing decided");
  }

  @Test
  void aLayoutAddedTwiceIsRefused() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("i", PASSING);
    assertThatThrownBy(() -> verdicts.add("i", FAILING)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layout i of t was added twice");
    assertThat(verdicts.verdicts()).singleElement().extracting(Verdict::results).isEqualTo(PASSING);
  }

  /** Each status has its own cell; the refusal's error shortened to its first line, safe in a table. */
  @Test
  void cellsSayPassNotApplicableUnsupportedFailedOptionalAndFinding() {
    assertThat(LayoutVerdicts.cell(RuleResult.passed(ONCE, "ok"))).isEqualTo("pass");
    assertThat(LayoutVerdicts.cell(RuleResult.notApplicable(ONCE, "why"))).isEqualTo("n/a");
    assertThat(LayoutVerdicts.cell(RuleResult.unsupported(ONCE, "ENOTSUP | 95\nmore", "released")))
        .isEqualTo("unsupported: ENOTSUP / 95");
    assertThat(LayoutVerdicts.cell(RuleResult.failed(ONCE, "x"))).isEqualTo("FAILED");
    assertThat(LayoutVerdicts.cell(RuleResult.failed(WHOLE, "x"))).isEqualTo("failed (optional)");
    assertThat(LayoutVerdicts.cell(new RuleResult(ONCE, Status.FINDING, "x"))).isEqualTo("finding");
  }

  /** The Markdown report: summary, one row per layout (a rule not applicable anywhere left out), then what failed. */
  @Test
  void markdownIsTheSummaryTheTableAndTheFailures() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("i", PASSING);
    verdicts.add("u", REFUSED);
    verdicts.add("+r<s,u>", FAILING);

    assertThat(verdicts.toMarkdown()).isEqualTo("# Conformance over generated layouts: t\n\n"
        + "Generated by `dev.arrowownership.conformance.LayoutVerdicts#toMarkdown`.\n\n"
        + verdicts.summary() + "\n\n"
        + "| layout | `" + ONCE.id() + "` | `" + CHILDREN.id() + "` | `" + WHOLE.id() + "` |\n|---|---|---|---|\n"
        + "| `i` | pass | pass | not measured |\n"
        + "| `u` | unsupported: ENOTSUP / 95 | unsupported: ENOTSUP / 95 | not measured |\n"
        + "| `+r<s,u>` | FAILED | pass | failed (optional) |\n"
        + "\n## Failing layouts\n\n- `+r<s,u>`: " + FAILING.get(0).message().replace('\n', ' ') + "\n");
    assertThat(FAILING.get(0).message()).contains("leaked\nthe array");
  }

  @Test
  void markdownWithoutFailuresHasNoFailingSection() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("i", PASSING);
    assertThat(verdicts.toMarkdown()).endsWith("| `i` | pass | pass |\n");
  }

  /** The JUnit XML: one suite per layout, named by the target and the layout, the failing one with its failure. */
  @Test
  void junitXmlHasOneSuitePerLayout() {
    LayoutVerdicts verdicts = new LayoutVerdicts("t");
    verdicts.add("i", PASSING);
    verdicts.add("+r<s,u>", FAILING);

    List<Suite> suites = JUnitReports.parseAll(verdicts.toJUnitXml());
    assertThat(suites).extracting(Suite::name).containsExactly("t on i", "t on +r<s,u>");
    assertThat(suites).extracting(Suite::failures).containsExactly(0, 1);
    assertThat(suites.get(1).failed()).singleElement().extracting(c -> c.name()).isEqualTo(TestCaseOutcome.name(ONCE));
  }
}
