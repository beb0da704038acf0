package dev.arrowownership.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;

/**
 * The {@link Rule.Role#STREAM_PRODUCER} rules, in rule order: a produce() into a struct holding a
 * live stream ({@link LiveTargetRules}); one stream read to its end and released on this thread,
 * then one released on another ({@link StreamRead}, {@link StreamReadRules}); failing get_next
 * calls through the producer's fault hook ({@link StreamErrorRules}).
 */
final class StreamProducerRules {
  private StreamProducerRules() {}

  /** A stream read, or what producing or reading it threw. */
  private record Attempt(StreamRead read, Exception thrown) {
    static Attempt of(CDataStreamProducer producer, RootAllocator allocator, int maxBatches, boolean otherThread) {
      try {
        return new Attempt(StreamRead.of(producer, allocator, maxBatches, otherThread), null);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return new Attempt(null, e);
      }
    }

    RuleResult judge(Rule rule, Function<StreamRead, RuleResult> judge) {
      return RuleRun.of(rule, () -> {
        if (read == null) {
          throw new IllegalStateException("producing and reading the stream failed: " + thrown, thrown);
        }
        return judge.apply(read);
      });
    }
  }

  static List<RuleResult> check(CDataStreamProducer producer) {
    return check(producer, StreamRead.MAX_BATCHES);
  }

  /** The rules, taking a stream for one without an end after {@code maxBatches} batches. */
  static List<RuleResult> check(CDataStreamProducer producer, int maxBatches) {
    List<RuleResult> results = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator()) {
      List<RuleResult> target = LiveTargetRules.check(producer, allocator);
      results.add(target.get(0));
      CheckProgress.enter(Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES, "reading a stream");
      Attempt here = Attempt.of(producer, allocator, maxBatches, false);
      results.add(here.judge(Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES,
          StreamReadRules::resultsKeepTheProducerRules));
      results.add(here.judge(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY, StreamReadRules::endIsAReleasedArray));
      results.addAll(StreamErrorRules.check(producer, allocator));
      results.add(here.judge(Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM,
          StreamReadRules::resultsOutliveTheStream));
      results.add(here.judge(Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL, StreamReadRules::releaseSetsNull));
      results.add(here.judge(Rule.REQUIRED_STREAM_PRODUCER_RELEASE_FREES_EVERYTHING, StreamReadRules::freesEverything));
      CheckProgress.enter(Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD, "reading a stream");
      results.add(Attempt.of(producer, allocator, maxBatches, true).judge(Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD,
          StreamReadRules::releasedOnAnotherThread));
      results.add(target.get(1));
    }
    return results;
  }
}
