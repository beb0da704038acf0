package dev.arrowownership.conformance;

import dev.arrowownership.generate.KitStream;

import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The {@link Rule.Role#STREAM_CONSUMER} rules, on one stream of generated batches the kit implements. */
final class StreamConsumerRules {
  /** Batches in the kit's stream. */
  static final int BATCHES = Integer.getInteger("arrowownership.kit.streamBatches", 3);

  private StreamConsumerRules() {}

  static List<RuleResult> check(CDataStreamConsumer consumer) {
    RootAllocator allocator = new RootAllocator();
    BufferAllocator consumerAllocator = allocator.newChildAllocator("consumer", 0, Long.MAX_VALUE);
    try (ReleaseLedger ledger = new ReleaseLedger(); KitStream stream = new KitStream(allocator, ledger, BATCHES)) {
      Throwable thrown = null;
      try (AutoCloseable result = consumer.consume(stream.address(), consumerAllocator)) {
        // The consumer read what it wanted; closing the result must release the rest.
      } catch (Throwable t) {
        thrown = t;
      }
      String failure = thrown == null ? "" : " (the consumer threw " + thrown + ")";
      Rule once = Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE;
      RuleResult streamOnce = stream.releaseCalls() == 1
          ? RuleResult.passed(once, "the stream was released once" + failure)
          : RuleResult.failed(once, "the stream was released " + stream.releaseCalls() + " times" + failure);
      // Read before the allocator is closed: closing a leaking allocator throws, and would hide the count.
      long held = consumerAllocator.getAllocatedMemory();
      return List.of(streamOnce, eachResultOnce(ledger, stream.results(), held, failure));
    } finally {
      closeQuietly(consumerAllocator);
      closeQuietly(allocator);
    }
  }

  /**
   * Every result released once, children never, and nothing left in the consumer's allocator: bytes
   * still held there are results the consumer kept (an imported vector, a copy) after it was done.
   */
  private static RuleResult eachResultOnce(ReleaseLedger ledger, List<TrackedStruct> results, long held, String failure) {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE;
    List<String> problems = new ArrayList<>();
    ledger.violations().forEach(v -> problems.add(v.toString()));
    for (TrackedStruct result : results) {
      if (ledger.releaseCount(result) != 1) {
        problems.add(result + " released " + ledger.releaseCount(result) + " times");
      }
    }
    if (held != 0) {
      problems.add("the consumer's allocator still holds " + held + " bytes after its result was closed");
    }
    if (!problems.isEmpty()) {
      return RuleResult.failed(rule, problems + failure);
    }
    return results.isEmpty()
        ? RuleResult.notApplicable(rule, "the consumer obtained no schema or array from the stream" + failure)
        : RuleResult.passed(rule, results.size() + " schemas and arrays obtained, each released once, the allocator"
            + " left empty" + failure);
  }

  private static void closeQuietly(BufferAllocator allocator) {
    try {
      allocator.close();
    } catch (IllegalStateException leakedByTheConsumer) {
      // What the consumer kept stays allocated; the results rule already failed for it.
    }
  }
}
