package dev.arrowownership.conformance;

import java.util.concurrent.Callable;

/** Runs one rule's check so that anything it throws becomes that rule's failure, not the whole run's. */
final class RuleRun {
  private RuleRun() {}

  static RuleResult of(Rule rule, Callable<RuleResult> check) {
    try {
      return check.call();
    } catch (Exception | AssertionError e) {
      return RuleResult.failed(rule, "the check threw " + e);
    }
  }
}
