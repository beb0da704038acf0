package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.HandMadeStreamProducer;
import dev.arrowownership.fixtures.StreamRecoversFromFailures;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** Where the failing-get_next sweep stops when no get_next fails. */
class StreamErrorRulesTest {

  /** A get_next that gets past every failure is swept up to the bound, and no further. */
  @Test
  void sweepStopsAtItsBound() {
    List<RuleResult> results = check(new StreamRecoversFromFailures(), 2);

    assertThat(results.get(0)).isEqualTo(RuleResult.notApplicable(Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE,
        "get_next still succeeded with each of its first 2 allocations failing in turn"));
    assertThat(results.get(1).status()).isEqualTo(RuleResult.Status.NOT_APPLICABLE);
  }

  /** A fault hook that get_next never reaches makes nothing fail: the rules say so. */
  @Test
  void hookThatGetNextNeverReaches() {
    HandMadeStreamProducer handMade = new HandMadeStreamProducer();
    CDataStreamProducer producer = new CDataStreamProducer() {
      @Override
      public void produce(long streamAddress) {
        handMade.produce(streamAddress);
      }

      @Override
      public Optional<AllocationFaults> faults() {
        return Optional.of(new FaultInjector().asAllocationFaults()); // listens to no allocator
      }
    };

    assertThat(check(producer, 200).get(0).message())
        .isEqualTo("the first get_next made no allocation through the producer's fault hook, so none could be made to fail");
  }

  private static List<RuleResult> check(CDataStreamProducer producer, int maxFaultPoints) {
    try (RootAllocator allocator = new RootAllocator()) {
      return StreamErrorRules.check(producer, allocator, maxFaultPoints);
    }
  }
}
