package dev.arrowownership.conformance;

import java.util.List;

/**
 * A {@link Verdict} as a JUnit XML report (the {@code TEST-*.xml} format that CI servers read, one
 * {@code <testsuite>} per verdict), so a dashboard shows which rule broke: one {@code <testcase>} per
 * rule, named by {@link TestCaseOutcome#name}; a broken required rule is a {@code <failure>} with the
 * rule's message (which cites its C Data Interface section); a rule not applicable is {@code
 * <skipped>} with the reason; every other rule passes with what was observed, and an optional
 * rule's failure or a declared finding with a note saying it is not fatal, in {@code <system-out>}.
 */
public final class JUnitXml {
  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private JUnitXml() {}

  /** The report of {@code verdict}: a {@code <testsuite>} named after its target. */
  public static String of(Verdict verdict) {
    return suite(new StringBuilder(HEADER), verdict).toString();
  }

  /**
   * The report of several verdicts of one target, e.g. one per generated layout: a {@code
   * <testsuites>} holding one {@code <testsuite>} per verdict, each named after the verdict's target.
   */
  public static String of(List<Verdict> verdicts) {
    StringBuilder xml = new StringBuilder(HEADER).append("<testsuites>\n");
    verdicts.forEach(verdict -> suite(xml, verdict));
    return xml.append("</testsuites>\n").toString();
  }

  private static StringBuilder suite(StringBuilder xml, Verdict verdict) {
    List<TestCaseOutcome> outcomes = verdict.results().stream().map(TestCaseOutcome::of).toList();
    xml.append("<testsuite name=\"").append(escape(verdict.target())).append("\" tests=\"").append(outcomes.size())
        .append("\" failures=\"").append(count(outcomes, TestCaseOutcome.FAILED)).append("\" errors=\"0\" skipped=\"")
        .append(count(outcomes, TestCaseOutcome.SKIPPED)).append("\">\n");
    for (RuleResult result : verdict.results()) {
      testCase(xml, verdict.target(), result);
    }
    return xml.append("</testsuite>\n");
  }

  private static void testCase(StringBuilder xml, String target, RuleResult result) {
    String text = escape(TestCaseOutcome.text(result));
    xml.append("  <testcase classname=\"").append(escape(target)).append("\" name=\"")
        .append(escape(TestCaseOutcome.name(result.rule()))).append("\">\n");
    switch (TestCaseOutcome.of(result)) {
      case FAILED -> xml.append("    <failure type=\"").append(result.rule().id()).append("\" message=\"").append(text)
          .append("\">").append(text).append("\nspec: ").append(result.rule().spec().url()).append("</failure>\n");
      case SKIPPED -> xml.append("    <skipped message=\"").append(text).append("\"/>\n");
      default -> xml.append("    <system-out>").append(text).append("</system-out>\n");
    }
    xml.append("  </testcase>\n");
  }

  private static long count(List<TestCaseOutcome> outcomes, TestCaseOutcome outcome) {
    return outcomes.stream().filter(o -> o == outcome).count();
  }

  /**
   * Text for an attribute or element: markup characters as entities, line breaks kept as character
   * references (an attribute would otherwise fold them into spaces), and characters XML 1.0 cannot
   * carry at all (other control characters, unpaired surrogates) as U+FFFD.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> out.append(allowed(text, i) ? c : '\uFFFD');
      }
    }
    return out.toString();
  }

  private static boolean allowed(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
  }
}
