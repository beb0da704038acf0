package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ProducerFailureRule.Attempt;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.fixtures.HandMadeProducer;
import dev.arrowownership.fixtures.ProducerPublishesLast;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The producer failure rule's sweep, its verdicts' texts, and what one attempt counts as broken. */
class ProducerFailureRuleTest {
  private static final Rule RULE = Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED;
  private static final Throwable FAILED = new OutOfMemoryException("injected");

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  /** Broken: a failure that left a struct live, or any attempt after which the producer holds other bytes. */
  @Test
  void brokenAttempts() {
    assertThat(new Attempt(0, null, true, true, 5, 5).broken()).as("a success leaves both live").isFalse();
    assertThat(new Attempt(0, FAILED, false, false, 5, 5).broken()).isFalse();
    assertThat(new Attempt(0, FAILED, false, false, -1, -1).broken()).isFalse();
    assertThat(new Attempt(0, FAILED, true, false, 5, 5).broken()).isTrue();
    assertThat(new Attempt(0, FAILED, false, true, 5, 5).broken()).isTrue();
    assertThat(new Attempt(0, FAILED, false, false, 5, 6).broken()).isTrue();
    assertThat(new Attempt(0, null, true, true, 5, 9).broken()).isTrue();
  }

  /** An attempt prints the fault point, what produce() did, what it left live and the bytes it kept. */
  @Test
  void attemptsPrintWhatTheyLeft() {
    assertThat(new Attempt(2, FAILED, true, true, 5, 13)).hasToString("allocation #2 failing: produce() threw"
        + " org.apache.arrow.memory.OutOfMemoryException: injected, the array was left live (release != NULL; the kit"
        + " released it), the schema was left live (release != NULL; the kit released it), the producer holds 8 bytes"
        + " more than before");
    assertThat(new Attempt(0, null, true, true, 5, 5)).hasToString("allocation #0 failing: produce() succeeded without it");
    assertThat(new Attempt(1, FAILED, false, false, 0, 0)).hasToString("allocation #1 failing: produce() threw"
        + " org.apache.arrow.memory.OutOfMemoryException: injected");
  }

  /**
   * A producer that swallows its first failed allocation and produces anyway: the kit releases that
   * batch (so the producer's bytes come back) and counts that produce() did not fail there.
   */
  @Test
  void producerThatSucceedsWithoutTheAllocationIsReleasedAndCounted() {
    ProducerPublishesLast publisher = new ProducerPublishesLast();
    AllocatingProducer swallowing = (array, schema, lent) -> {
      try {
        lent.buffer(8).close();
      } catch (OutOfMemoryException carryOn) {
        // produces without it
      }
      publisher.produce(array, schema, lent);
    };
    try (LentAllocatorProducer producer = new LentAllocatorProducer(swallowing)) {
      RuleResult result = ProducerFailureRule.check(producer, allocator, 200);
      assertThat(result.status()).isEqualTo(Status.PASSED);
      String[] words = result.message().split(" ");
      int points = Integer.parseInt(words[2]);
      assertThat(result.message()).isEqualTo("each of " + points + " allocation points failed in turn; produce() failed"
          + " at " + (points - 1) + " of them, each time leaving both structs released or untouched, and held no more"
          + " memory than before");
    }
  }

  /** The sweep stops at the limit it is given. */
  @Test
  void sweepStopsAtTheLimit() {
    try (LentAllocatorProducer producer = new LentAllocatorProducer(new ProducerPublishesLast())) {
      assertThat(ProducerFailureRule.check(producer, allocator, 1).message()).startsWith("each of 1 allocation points");
      assertThat(ProducerFailureRule.check(producer, allocator, 0)).isEqualTo(RuleResult.notApplicable(RULE,
          "the producer made no allocation the fault hook could fail"));
    }
  }

  /** A producer with a fault hook that allocates nothing through it: nothing can fail, and the rule says so. */
  @Test
  void producerThatAllocatesNothingIsNotApplicable() {
    HandMadeProducer handMade = new HandMadeProducer();
    try (LentAllocatorProducer producer = new LentAllocatorProducer((array, schema, lent) -> handMade.produce(array, schema))) {
      assertThat(ProducerFailureRule.check(producer, allocator, 200)).isEqualTo(RuleResult.notApplicable(RULE,
          "the producer made no allocation the fault hook could fail"));
    }
  }

  /** A producer with a fault hook but no byte count: the failures are checked, the memory is not, and the text says so. */
  @Test
  void producerWithoutByteCountsSaysMemoryIsNotChecked() {
    FaultInjector injector = new FaultInjector();
    try (BufferAllocator lent = new RootAllocator(injector, Long.MAX_VALUE)) {
      ProducerPublishesLast publisher = new ProducerPublishesLast();
      CDataProducer producer = new CDataProducer() {
        @Override
        public void produce(long array, long schema) {
          publisher.produce(array, schema, lent);
        }

        @Override
        public Optional<AllocationFaults> faults() {
          return Optional.of(injector.asAllocationFaults());
        }
      };
      assertThat(ProducerFailureRule.check(producer, allocator, 2).message()).isEqualTo("each of 2 allocation points"
          + " failed in turn; produce() failed at 2 of them, each time leaving both structs released or untouched, and"
          + " held no more memory than before (allocatedBytes() is not reported: memory not checked)");
    }
  }

  /** The failure names how many points break it and the first one. */
  @Test
  void failureNamesTheFirstBrokenPoint() {
    RuleResult result = ConformanceKit.checkProducer("schema-first", new dev.arrowownership.fixtures.ProducerLeavesSchemaLiveOnFailure())
        .result(RULE);
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.message()).containsPattern("\\d+ of \\d+ allocation points break it, first: allocation #\\d+ failing:"
        + " produce\\(\\) threw org.apache.arrow.memory.OutOfMemoryException: injected allocation failure \\(\\d+ bytes\\),"
        + " the schema was left live \\(release != NULL; the kit released it\\)\\. If this fails");
  }

  /** The lent allocator's bytes are the producer's, and its faults fail that allocator's allocations. */
  @Test
  void lentAllocatorIsTheProducersMemory() throws Exception {
    BufferAllocator[] kept = {null};
    try (LentAllocatorProducer producer = new LentAllocatorProducer((array, schema, lent) -> kept[0] = lent)) {
      producer.produce(0, 0);
      assertThat(producer.allocatedBytes()).isZero();
      var buffer = kept[0].buffer(64);
      assertThat(producer.allocatedBytes()).isEqualTo(kept[0].getAllocatedMemory()).isPositive();
      AllocationFaults faults = producer.faults().orElseThrow();
      faults.failAt(0);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> kept[0].buffer(8)).isInstanceOf(OutOfMemoryException.class);
      assertThat(faults.disarm()).isTrue();
      buffer.close();
    }
  }
}
