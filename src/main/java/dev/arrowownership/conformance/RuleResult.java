package dev.arrowownership.conformance;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one rule on one target.
 *
 * @param rule the rule checked
 * @param status how it came out
 * @param message what was observed; for a failure, {@link Rule#failure} text ending in "If this
 *     fails, check: ..."; for a finding, the failure followed by the known upstream reason
 * @param refusal the target's own error when it refused the kit's valid input: always present for
 *     {@link Status#UNSUPPORTED}, and for a {@link Status#FAILED} (or {@link Status#FINDING}) whose
 *     target refused valid input and then broke the rule; empty otherwise
 */
public record RuleResult(Rule rule, Status status, String message, Optional<String> refusal) {

  /** How a rule came out. */
  public enum Status {
    /** The target keeps the rule. */
    PASSED,
    /** The target breaks the rule. */
    FAILED,
    /** The target breaks the rule, as declared in advance (a known upstream bug): reported, not fatal. */
    FINDING,
    /** The rule could not be checked on this target; the message says why. */
    NOT_APPLICABLE,
    /**
     * The target refused the kit's valid input with an error of its own ({@link #refusal()}), and
     * released it as the rules require; what the rule checks on accepted input was not observed. The
     * spec does not require a consumer to hold every type, so this does not fail conformance, but
     * {@link Verdict#summary()} says so, naming the error.
     */
    UNSUPPORTED
  }

  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(refusal, "refusal");
    if (status == Status.UNSUPPORTED && refusal.isEmpty()) {
      throw new IllegalArgumentException(rule.id() + ": an UNSUPPORTED result names the target's error");
    }
  }

  /** A result without a refusal; for {@link Status#UNSUPPORTED} use {@link #unsupported}. */
  public RuleResult(Rule rule, Status status, String message) {
    this(rule, status, message, Optional.empty());
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

  /**
   * The target refused valid input with {@code error} and released it as the rules require; {@code
   * observed} says what it was handed and what it released.
   */
  public static RuleResult unsupported(Rule rule, String error, String observed) {
    return new RuleResult(rule, Status.UNSUPPORTED, "refused the kit's valid input with " + error + "; " + observed
        + "; what the rule checks on accepted input was not observed", Optional.of(error));
  }

  /** The target refused valid input with {@code error} and then broke the rule as {@code observed} says. */
  public static RuleResult failedRefusing(Rule rule, String error, String observed) {
    return new RuleResult(rule, Status.FAILED, rule.failure("refused the kit's valid input with " + error
        + ", and then broke the rule: " + observed), Optional.of(error));
  }

  @Override
  public String toString() {
    return status + " " + rule.id() + ": " + message;
  }
}
