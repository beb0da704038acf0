package dev.arrowownership.conformance;

import dev.arrowownership.conformance.RuleResult.Status;

/**
 * A {@link Verdict} as a plain-text table for a terminal or a log: the summary, then one row per
 * rule with its result and spec section, and under every rule that did not simply pass, what was
 * observed (the failure with its hint, why the rule was not applicable, or the error with which the
 * target refused valid input).
 *
 * <pre>
 * libfoo-producer does not conform: it fails 1 required rule: required_producer_release_sets_null
 *   result             rule                                  spec section
 *   passed             required_producer_sets_release        C Data Interface, Released structure
 *   FAILED             required_producer_release_sets_null   C Data Interface, Release callback semantics for producers
 *                      required_producer_release_sets_null (...): release left non-NULL on ... If this fails, check: ...
 * </pre>
 */
public final class VerdictTable {
  private static final String INDENT = "  ";
  private static final String RESULT = "result";
  private static final String RULE = "rule";
  private static final int RESULT_WIDTH = "failed (optional)".length() + 2;

  private VerdictTable() {}

  /** The table of {@code verdict}, one line per rule plus one per message, each ending in a newline. */
  public static String of(Verdict verdict) {
    int ruleWidth = verdict.results().stream().mapToInt(r -> r.rule().id().length()).reduce(RULE.length(), Math::max) + 2;
    StringBuilder table = new StringBuilder(verdict.summary()).append('\n');
    row(table, RESULT, RULE, ruleWidth, "spec section");
    for (RuleResult result : verdict.results()) {
      row(table, label(result), result.rule().id(), ruleWidth, result.rule().spec().title());
      if (result.status() != Status.PASSED) {
        table.append(INDENT).append(" ".repeat(RESULT_WIDTH)).append(result.message().replace('\n', ' ')).append('\n');
      }
    }
    return table.toString();
  }

  /** {@code passed}, {@code FAILED} (a required rule: the only label that decides), {@code failed (optional)}, {@code finding}, {@code not applicable}, {@code unsupported} (valid input refused). */
  static String label(RuleResult result) {
    return switch (result.status()) {
      case PASSED -> "passed";
      case FAILED -> result.rule().required() ? "FAILED" : "failed (optional)";
      case FINDING -> "finding";
      case NOT_APPLICABLE -> "not applicable";
      case UNSUPPORTED -> "unsupported";
    };
  }

  private static void row(StringBuilder table, String result, String rule, int ruleWidth, String spec) {
    table.append(INDENT).append(pad(result, RESULT_WIDTH)).append(pad(rule, ruleWidth)).append(spec).append('\n');
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
