package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;
import java.util.Objects;

/**
 * What an {@link OwnershipMachine} throws when a step breaks a rule of the wrapper contract: an
 * {@link AssertionError} whose message names the rule, the step and the steps so far, and which
 * keeps the rule and the call apart from the message, so that {@link ExhaustiveChecker#survey} can
 * tell one way of breaking the contract from another.
 */
public final class ContractViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final Rule rule;
  private final String call;

  ContractViolation(Rule rule, String call, String message, Throwable cause) {
    super(message, cause);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.call = Objects.requireNonNull(call, "call");
  }

  /** The rule broken. */
  public Rule rule() {
    return rule;
  }

  /** The step that broke it, as the history prints it: {@code "h1 = copy(h0)"}, {@code "h0.close()"}. */
  public String call() {
    return call;
  }

  /**
   * The step with the handles' numbers and the failing allocation's position erased: {@code "h =
   * copy(h)"}, {@code "f.extractRecordBatches() [allocation #k fails]"}. Two violations of one rule
   * at one operation are taken for one way of breaking the contract.
   */
  public String operation() {
    return call.replaceAll("\\bh\\d+\\b", "h").replaceAll("#\\d+", "#k");
  }
}
