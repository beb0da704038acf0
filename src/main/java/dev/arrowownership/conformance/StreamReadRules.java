package dev.arrowownership.conformance;

import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.List;

/** The stream producer rules that judge one {@link StreamRead}: what its results, end, release and memory showed. */
final class StreamReadRules {
  private StreamReadRules() {}

  /**
   * Each result as a producer's base structure: it read as C Data, its release left NULL everywhere,
   * every child and dictionary released once by its parent and by nothing else.
   */
  static RuleResult resultsKeepTheProducerRules(StreamRead read) {
    Rule rule = Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES;
    List<String> problems = new ArrayList<>();
    int descendants = 0;
    for (StreamRead.Result result : read.results()) {
      if (result.before().startsWith("does not read")) {
        problems.add(result.base() + " " + result.before());
      }
      for (TrackedStruct child : result.descendants()) {
        descendants++;
        if (read.releaseCount(child) != 1) {
          problems.add(child + " released " + read.releaseCount(child) + " times");
        }
      }
    }
    // A release left set, a child released outside its parent, anything released twice: the ledger names the struct.
    read.violations().forEach(v -> problems.add(v.toString()));
    return problems.isEmpty()
        ? RuleResult.passed(rule, read.results().size() + " results (the schema and " + (read.results().size() - 1)
            + " arrays) read as C Data, each released with release left NULL; " + descendants
            + " children and dictionaries, each released once by its parent")
        : RuleResult.failed(rule, problems.toString());
  }

  static RuleResult endIsAReleasedArray(StreamRead read) {
    Rule rule = Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY;
    return read.endProblem() == null
        ? RuleResult.passed(rule, "after " + (read.results().size() - 1) + " batches get_next returned 0 with a released"
            + " array, and did so again when called once more")
        : RuleResult.failed(rule, read.endProblem());
  }

  /** Released after the stream, each result was still live and read as before. */
  static RuleResult resultsOutliveTheStream(StreamRead read) {
    Rule rule = Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM;
    List<String> problems = new ArrayList<>();
    for (StreamRead.Result result : read.results()) {
      if (result.after() == null) {
        problems.add(result.base() + " was released by the time the stream's release returned");
      } else if (!result.after().equals(result.before())) {
        problems.add(result.base() + " reads differently after the stream's release"
            + (result.after().startsWith("does not read") ? ": " + result.after() : " (other values)"));
      }
    }
    // Each result still live here is released by the kit, once: the ledger forwards one call only.
    return problems.isEmpty()
        ? RuleResult.passed(rule, "the stream released first; its " + read.results().size() + " results still live,"
            + " read with the values read before, each released once afterwards")
        : RuleResult.failed(rule, "the stream released first: " + problems);
  }

  static RuleResult releaseSetsNull(StreamRead read) {
    Rule rule = Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL;
    return read.streamNulled()
        ? RuleResult.passed(rule, "the stream's release left release == NULL")
        : RuleResult.failed(rule, "the stream's release returned with release still set");
  }

  static RuleResult freesEverything(StreamRead read) {
    Rule rule = Rule.REQUIRED_STREAM_PRODUCER_RELEASE_FREES_EVERYTHING;
    if (read.bytesBefore() < 0) {
      return RuleResult.notApplicable(rule, "the producer does not report allocatedBytes()");
    }
    return read.bytesAfter() == read.bytesBefore()
        ? RuleResult.passed(rule, "the producer holds " + read.bytesAfter() + " bytes once the stream and its "
            + read.results().size() + " results are released, as before the stream was produced")
        : RuleResult.failed(rule, "the producer holds " + read.bytesAfter() + " bytes once the stream and its "
            + read.results().size() + " results are released, " + read.bytesBefore() + " before the stream was produced");
  }

  /** A read whose stream and results were all released on another thread: once each, NULL, nothing held. */
  static RuleResult releasedOnAnotherThread(StreamRead read) {
    Rule rule = Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD;
    List<String> problems = new ArrayList<>(ProducerViolations.besidesReleaseLeftSet(read.violations()));
    read.releaseCounts().forEach((struct, calls) -> {
      if (calls != 1) {
        problems.add(struct + " released " + calls + " times");
      }
    });
    if (!read.streamNulled()) {
      problems.add("the stream's release left release set");
    }
    if (read.bytesAfter() != read.bytesBefore()) { // -1 before and after when the producer cannot tell
      problems.add("the producer holds " + read.bytesAfter() + " bytes, " + read.bytesBefore() + " before");
    }
    return problems.isEmpty()
        ? RuleResult.passed(rule, "the stream and its " + read.results().size() + " results released on another thread:"
            + " every struct once, nothing held")
        : RuleResult.failed(rule, "released on another thread: " + problems);
  }
}
