package dev.arrowownership.conformance;

import java.util.concurrent.Callable;

/**
 * Runs one rule's check so that anything it throws becomes that rule's failure, not the whole run's,
 * having announced the rule to {@link CheckProgress}.
 */
final class RuleRun {
  private RuleRun() {}

  /**
   * The check's result, or its failure naming whatever it threw: a target may throw anything (a
   * {@code StackOverflowError} from its own recursion, an {@code OutOfMemoryError} from its native
   * heap, JNA's {@code LastErrorException}), and losing the whole verdict to it would hide every
   * other rule's result.
   */
  static RuleResult of(Rule rule, Callable<RuleResult> check) {
    CheckProgress.enter(rule);
    try {
      return check.call();
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt(); // the verdict is still returned; the caller sees the flag
      }
      return RuleResult.failed(rule, "the check threw " + t);
    }
  }
}
