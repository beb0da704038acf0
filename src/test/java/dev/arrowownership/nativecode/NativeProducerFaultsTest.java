package dev.arrowownership.nativecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.KitStructs;
import dev.arrowownership.support.NativeFixtures;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * A native producer's failure paths, walked through its own fault hook ({@code
 * arrow_ownership_fail_allocation}) bound by {@link NativeTarget}: {@code src/test/c/failing_producer.c}
 * builds privately and fills the caller's structs last (conforming), or makes the schema live first
 * (broken).
 */
class NativeProducerFaultsTest {
  private static final Rule RULE = Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED;

  /** Every producer rule holds (a plain int32 array has no children), the failure rule over all three allocation points. */
  @Test
  void producerThatFillsTheCallersStructsLastKeepsEveryRule() {
    Verdict verdict = ConformanceKit.checkProducer("failing_producer", producer("failing_producer_produce"));

    verdict.assertConforms();
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN);
    assertThat(verdict.with(Status.PASSED)).hasSize(verdict.results().size() - 1);
    assertThat(verdict.result(RULE).message()).isEqualTo("each of 3 allocation points failed in turn; produce()"
        + " failed at 3 of them, each time leaving both structs released or untouched, and held no more memory than"
        + " before");
  }

  /** Making the schema live before the array is allocated leaves it live when that allocation fails. */
  @Test
  void producerThatMakesTheSchemaLiveFirstIsCaught() {
    Verdict verdict = ConformanceKit.checkProducer("schema-first", producer("failing_producer_produce_schema_first"));

    assertThat(verdict.result(RULE).status()).isEqualTo(Status.FAILED);
    assertThat(verdict.result(RULE).message()).contains("2 of 3 allocation points break it, first: allocation #1"
        + " failing: produce() threw dev.arrowownership.nativecode.NativeCallFailed: failing_producer_produce_schema_first"
        + " returned 12 (ENOMEM), the schema was left live (release != NULL; the kit released it)");
    assertThatThrownBy(verdict::assertConforms).hasMessageContaining(RULE.id());
  }

  /**
   * The producer's faults() is the library's hook: armed at k, it reports whether allocation k failed;
   * its allocatedBytes() is the held-bytes hook, up while a batch is live, back once it is released.
   */
  @Test
  void producerFaultsAndBytesAreTheLibrarysHooks() throws Exception {
    CDataProducer producer = producer("failing_producer_produce");
    var faults = producer.faults().orElseThrow();
    long before = producer.allocatedBytes();
    try (RootAllocator allocator = new RootAllocator(); KitStructs structs = new KitStructs(allocator)) {
      producer.produce(structs.arrayAddress(), structs.schemaAddress());
      assertThat(producer.allocatedBytes()).isGreaterThan(before);
      structs.releaseLive();
    }
    assertThat(producer.allocatedBytes()).isEqualTo(before);

    faults.failAt(5); // more than one produce() makes
    assertThat(faults.disarm()).isFalse();
    faults.failAt(0);
    assertThatThrownBy(() -> producer.produce(0, 0)).isInstanceOf(NativeCallFailed.class).hasMessageContaining("ENOMEM");
    assertThat(faults.disarm()).isTrue();
  }

  /** Without the fault hook bound the failure rule cannot run, and says why. */
  @Test
  void producerWithoutTheHookIsNotApplicable() {
    NativeTarget target = NativeTarget.builder(NativeFixtures.require("failing_producer"))
        .bind(EntryPoint.PRODUCER, "failing_producer_produce").load();

    RuleResult result = ConformanceKit.checkProducer("no-hook", target.producer().orElseThrow()).result(RULE);
    assertThat(result.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(result.message()).startsWith("the producer offers no way to fail its allocations");
  }

  private static CDataProducer producer(String symbol) {
    return NativeTarget.builder(NativeFixtures.require("failing_producer"))
        .bind(EntryPoint.PRODUCER, symbol)
        .bind(EntryPoint.HELD_BYTES, "failing_producer_held_bytes")
        .bind(EntryPoint.FAIL_ALLOCATION, "failing_producer_fail_allocation")
        .load().producer().orElseThrow();
  }
}
