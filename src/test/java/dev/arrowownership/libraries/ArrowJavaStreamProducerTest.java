package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.support.ArrowJavaStreamProducer;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Arrow Java 19.0.0's {@code Data.exportArrayStream} (over an {@code ArrowStreamReader}) checked as a stream producer. */
class ArrowJavaStreamProducerTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ArrowJavaStreamProducer producer = ArrowJavaStreamProducer.of(allocator, 3, 10);
  private final StructMemory structs = new StructMemory(allocator);

  @AfterEach
  void close() {
    structs.close();
    producer.close(); // throws if a stream or a result still holds the producer's memory
    allocator.close();
  }

  /**
   * Every required rule passes, the error path included (an allocation of the reader failing: EIO
   * and the stack trace as the message); the one failure is the optional live-target rule.
   */
  @Test
  void exportArrayStreamKeepsEveryRequiredStreamProducerRule() {
    Verdict verdict = ConformanceReports.write("arrow-java-stream-producer",
        ConformanceKit.checkStreamProducer("arrow-java-19.0.0 Data.exportArrayStream", producer));

    verdict.assertConforms();
    assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule)
        .containsExactly(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET);
    assertThat(verdict.with(Status.NOT_APPLICABLE)).isEmpty();
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE).message())
        .isEqualTo("allocation #0 of the first get_next failing, get_next returned 5");
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID).message())
        .contains("get_last_error returned 'org.apache.arrow.memory.OutOfMemoryException: injected allocation failure");
  }

  /**
   * Exported into a struct that still holds a live stream, {@code exportArrayStream} writes over it:
   * the first stream's release is never called, and the batch its reader holds stays allocated until
   * the test releases it through a copy saved beforehand. The spec leaves this to the caller (the
   * struct is the consumer's), hence an optional rule; lance PR #7259 fixed the same pattern in its
   * exporter by refusing a struct whose release is set. Arrow Java's JniWrapper.exportArrayStream
   * (jni_wrapper.cc) writes the five fields unconditionally. No arrow-java issue found.
   */
  @Test
  void exportArrayStreamWritesOverALiveStream() throws Exception {
    ArrowArrayStream target = structs.stream();
    producer.produce(target.memoryAddress());
    ArrowArray batch = structs.array();
    target.getNext(batch); // the first stream's reader now holds a batch
    batch.release();
    ArrowArrayStream.Snapshot first = target.snapshot();
    long heldByFirst = producer.allocatedBytes();

    producer.produce(target.memoryAddress()); // over the live first stream
    boolean overwritten = target.snapshot().private_data != first.private_data;
    target.release();
    long leaked = producer.allocatedBytes();
    ArrowArrayStream rescue = structs.stream();
    rescue.save(first);
    rescue.release();

    assertThat(heldByFirst).isPositive();
    assertThat(overwritten).isTrue();
    assertThat(leaked).isEqualTo(heldByFirst); // the first stream's release was never called
    assertThat(producer.allocatedBytes()).isZero();
  }
}
