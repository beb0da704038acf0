package dev.arrowownership.conformance;

import java.util.Objects;

/**
 * The result of one rule on one target.
 *
 * @param rule the rule checked
 * @param status how it came out
 * @param message what was observed; for a failure, {@link Rule#failure} text ending in "If this
 *     fails, check: ..."; for a finding, the failure followed by the known upstream reason
 */
public record RuleResult(Rule rule, Status status, String message) {

  /** How a rule came out. */
  public enum Status {
    /** The target keeps the rule. */
    PASSED,
    /** The target breaks the rule. */
    FAILED,
    /** The target breaks the rule, as declared in advance (a known upstream bug): reported, not fatal. */
    FINDING,
    /** The rule could not be checked on this target; the message says why. */
    NOT_APPLICABLE
  }

  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  public static RuleResult passed(Rule rule, String observed) {
    return new RuleResult(rule, Status.PASSED, observed);
  }

  public static RuleResult failed(Rule rule, String observed) {
    return new RuleResult(rule, Status.FAILED, rule.failure(observed));
  }

  public static RuleResult notApplicable(Rule rule, String why) {
    return new RuleResult(rule, Status.NOT_APPLICABLE, why);
  }

  @Override
  public String toString() {
    return status + " " + rule.id() + ": " + message;
  }
}
