package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;

/**
 * What arrow-rs's stream export ({@code FFI_ArrowArrayStream}) gives every library built on it (Lance,
 * Vortex): every stream producer rule that can be checked without a fault hook or a view of native
 * memory passes, and a live stream handed to it is written over instead of refused (an optional rule).
 */
public final class ArrowRsStreamVerdicts {
  private ArrowRsStreamVerdicts() {}

  /** Asserts that shape, and that the end came after {@code batches} batches. */
  public static void assertArrowRsStreamExport(Verdict verdict, long batches) {
    verdict.assertConforms();
    assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule)
        .containsExactly(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET);
    assertThat(verdict.with(Status.PASSED)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES,
        Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM,
        Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL, Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD);
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY).message())
        .startsWith("after " + batches + " batches");
  }
}
