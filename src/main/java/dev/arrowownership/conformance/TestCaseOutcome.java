package dev.arrowownership.conformance;

import dev.arrowownership.conformance.RuleResult.Status;

/**
 * How one rule's result reads as a test case in a CI report ({@link JUnitXml}, and the per-rule
 * dynamic tests of {@code dev.arrowownership.conformance.junit.RuleTests}): only a broken required
 * rule (a MUST of the C Data Interface) fails; an optional rule's failure and a declared finding are
 * reported with a note but pass, as in {@link Verdict#assertConforms()}; a rule that could not be
 * checked is skipped with its reason, and so is a rule whose valid input the target refused (with the
 * target's error: a refusal is not a failure, and not a pass either).
 */
public enum TestCaseOutcome {
  /** The rule held. */
  PASSED,
  /** The rule broke but does not decide conformance: an optional rule, or a declared finding. */
  PASSED_WITH_NOTE,
  /** A required rule broke. */
  FAILED,
  /** The rule could not be checked on this target, or the target refused its valid input. */
  SKIPPED;

  /** The outcome of {@code result}. */
  public static TestCaseOutcome of(RuleResult result) {
    return switch (result.status()) {
      case PASSED -> PASSED;
      case FINDING -> PASSED_WITH_NOTE;
      case NOT_APPLICABLE, UNSUPPORTED -> SKIPPED;
      case FAILED -> result.rule().required() ? FAILED : PASSED_WITH_NOTE;
    };
  }

  /**
   * The test case's name, stable from run to run so a dashboard keeps its history: the rule's id and
   * its spec section, e.g. {@code required_producer_sets_release (C Data Interface, Released structure)}.
   */
  public static String name(Rule rule) {
    return rule.id() + " (" + rule.spec().title() + ")";
  }

  /**
   * What the report says besides the outcome: what was observed for a pass or a failure, the reason
   * for a skip (the target's error for a refusal), and for a pass with a note why it is not fatal.
   */
  public static String text(RuleResult result) {
    if (result.status() == Status.NOT_APPLICABLE) {
      return "not applicable: " + result.message();
    }
    if (result.status() == Status.UNSUPPORTED) {
      return "unsupported: " + result.message();
    }
    if (result.status() == Status.FINDING) {
      return "known finding (declared, not fatal): " + result.message();
    }
    return of(result) == PASSED_WITH_NOTE ? "optional rule failed (reported, not fatal): " + result.message()
        : result.message();
  }
}
