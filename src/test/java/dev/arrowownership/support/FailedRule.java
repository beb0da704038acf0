package dev.arrowownership.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;

/** What every broken fixture's verdict must show for the rule its bug breaks. */
public final class FailedRule {
  private FailedRule() {}

  /**
   * {@code rule} failed in {@code verdict}, its message naming the rule, its spec section, {@code
   * symptom} and where to look; a required rule fails {@code assertConforms()}, an optional one is
   * only reported there (in the summary) and fails {@code assertConformsIncludingOptional()}.
   */
  public static void assertFailed(Verdict verdict, Rule rule, String symptom) {
    RuleResult result = verdict.result(rule);
    assertThat(result.status()).as(verdict.toString()).isEqualTo(Status.FAILED);
    assertThat(result.message()).startsWith(rule.id() + " (" + rule.spec().title() + "): ")
        .contains(symptom).contains(". If this fails, check: ");
    if (rule.required()) {
      assertThatThrownBy(verdict::assertConforms).hasMessageContaining(rule.id());
    } else {
      verdict.assertConforms();
      assertThat(verdict.summary()).contains(rule.id());
    }
    assertThatThrownBy(verdict::assertConformsIncludingOptional).hasMessageContaining(rule.id());
  }
}
