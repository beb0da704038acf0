package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.fixtures.HandMadeProducer;
import dev.arrowownership.fixtures.ReleaseDoesNotSetNull;
import dev.arrowownership.support.JUnitReports;
import dev.arrowownership.support.JUnitReports.Case;
import dev.arrowownership.support.JUnitReports.Suite;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A verdict's JUnit XML, read back with an XML parser: one test case per rule, failures only for broken required rules. */
class JUnitXmlTest {
  private static final Rule REQUIRED = Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL;
  private static final Rule OPTIONAL = Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD;

  /**
   * A conforming producer: every producer rule a test case, none failed; the failure-path rule, which
   * this producer offers no fault hook for, skipped.
   */
  @Test
  void conformingProducerHasOneTestCasePerRuleAndNoFailure() {
    Verdict verdict = ConformanceKit.checkProducer("hand-made", new HandMadeProducer());
    Suite suite = JUnitReports.parse(JUnitXml.of(verdict));

    assertThat(suite.name()).isEqualTo("hand-made");
    assertThat(suite.tests()).isEqualTo(verdict.results().size()).isEqualTo(suite.cases().size())
        .isEqualTo(Arrays.stream(Rule.values()).filter(r -> r.role() == Rule.Role.PRODUCER).count());
    assertThat(suite.skippedCases()).extracting(Case::name)
        .containsExactly(TestCaseOutcome.name(Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED));
    assertThat(suite.failures()).isZero();
    assertThat(suite.failed()).isEmpty();
    assertThat(suite.cases()).extracting(Case::name).containsExactlyElementsOf(
        verdict.results().stream().map(r -> TestCaseOutcome.name(r.rule())).toList());
    assertThat(suite.cases()).allSatisfy(c -> assertThat(c.classname()).isEqualTo("hand-made"));
  }

  /** A producer whose release leaves release set: exactly one failure, that rule's, with its message and spec link. */
  @Test
  void brokenProducerFailsExactlyItsRule() {
    Verdict verdict = ConformanceKit.checkProducer("not-nulled", new ReleaseDoesNotSetNull());
    Suite suite = JUnitReports.parse(JUnitXml.of(verdict));

    assertThat(suite.failures()).isEqualTo(1);
    Case failed = suite.failed().get(0);
    assertThat(failed.name()).isEqualTo(TestCaseOutcome.name(REQUIRED));
    assertThat(failed.failure()).contains(verdict.result(REQUIRED).message());
    assertThat(failed.failureBody()).contains(verdict.result(REQUIRED).message() + "\nspec: " + REQUIRED.spec().url());
    assertThat(JUnitXml.of(verdict)).contains("<failure type=\"" + REQUIRED.id() + "\" message=\"");
  }

  /**
   * Every status in one suite: the counts, a skipped case with its reason, and the optional failure
   * and the finding as passes whose system-out says why they are not fatal.
   */
  @Test
  void eachStatusReadsAsItsTestCaseOutcome() {
    Verdict verdict = new Verdict("lib", List.of(
        RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "both live"),
        RuleResult.failed(REQUIRED, "left set"),
        RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN, "no children"),
        new RuleResult(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, Status.FINDING, "leaks. Known: x"),
        RuleResult.failed(OPTIONAL, "held 8 bytes")));
    Suite suite = JUnitReports.parse(JUnitXml.of(verdict));

    assertThat(List.of(suite.tests(), suite.failures(), suite.errors(), suite.skipped())).containsExactly(5, 1, 0, 1);
    assertThat(suite.cases().get(0).systemOut()).contains("both live");
    assertThat(suite.cases().get(2).skipped()).contains("not applicable: no children");
    assertThat(suite.cases().get(2).failure()).isEmpty();
    assertThat(suite.cases().get(3).systemOut()).contains("known finding (declared, not fatal): leaks. Known: x");
    assertThat(suite.cases().get(4).systemOut()).contains(TestCaseOutcome.text(verdict.result(OPTIONAL)));
    assertThat(suite.cases().get(4).failure()).isEmpty();
    assertThat(suite.cases().get(4).skipped()).isEmpty();
  }

  /**
   * Markup, quotes, line breaks and tabs survive an attribute and an element; characters XML cannot
   * carry (control characters, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD; a pair stays.
   */
  @Test
  void messagesAreEscapedSoTheReportStaysWellFormed() {
    String message = "a<b & \"c\" > d\nnext\r\tline \u0001 \uFFFE \uFFFF \uD83D\uDE00 \uD83D. \uDE00 x\uD83D";
    Verdict verdict = new Verdict("t<&>\"", List.of(new RuleResult(REQUIRED, Status.FAILED, message)));
    Suite suite = JUnitReports.parse(JUnitXml.of(verdict));

    String expected = "a<b & \"c\" > d\nnext\r\tline \uFFFD \uFFFD \uFFFD \uD83D\uDE00 \uFFFD. \uFFFD x\uFFFD";
    assertThat(suite.name()).isEqualTo("t<&>\"");
    assertThat(suite.failed().get(0).failure()).contains(expected);
    assertThat(suite.failed().get(0).failureBody().orElseThrow()).startsWith(expected + "\nspec: ");
  }

  /** An unpaired low surrogate at the very start, and a high one followed by a non-surrogate, are replaced too. */
  @Test
  void unpairedSurrogatesAtTheEdgesAreReplaced() {
    assertThat(JUnitXml.escape("\uDE00a")).isEqualTo("\uFFFDa");
    assertThat(JUnitXml.escape("\uD83Da")).isEqualTo("\uFFFDa");
    assertThat(JUnitXml.escape(" ~\u00e9")).isEqualTo(" ~\u00e9");
  }

  /** Several verdicts of one target: one {@code <testsuite>} each, in order, in one {@code <testsuites>}. */
  @Test
  void severalVerdictsAreOneSuiteEach() {
    Verdict passing = new Verdict("t on i", List.of(RuleResult.passed(REQUIRED, "ok")));
    Verdict failing = new Verdict("t on u", List.of(RuleResult.failed(REQUIRED, "left"), RuleResult.passed(OPTIONAL, "ok")));

    String xml = JUnitXml.of(List.of(passing, failing));
    List<Suite> suites = JUnitReports.parseAll(xml);

    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"t on i\"");
    assertThat(suites).extracting(Suite::name).containsExactly("t on i", "t on u");
    assertThat(suites).extracting(Suite::tests).containsExactly(1, 2);
    assertThat(suites.get(1).failed()).extracting(Case::classname).containsExactly("t on u");
    assertThat(JUnitReports.parseAll(JUnitXml.of(List.of()))).isEmpty();
  }
}
