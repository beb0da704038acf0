package dev.arrowownership.conformance;

import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
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
    // A release left set anywhere, or any violation on a child (released outside its parent, twice):
    // the ledger names the struct. A base released twice is the results-outlive rule's.
    List<TrackedStruct> bases = read.results().stream().map(StreamRead.Result::base).toList();
    read.violations().stream().filter(v -> v.kind() == Violation.Kind.RELEASE_NOT_NULLED || !bases.contains(v.struct()))
        .forEach(v -> problems.add(v.toString()));
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

  /** Released after the stream, each result was still live, read as before, and took exactly one release: the kit's. */
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
      if (read.releaseCount(result.base()) != 1) {
        problems.add(result.base() + " released " + read.releaseCount(result.base()) + " times");
      }
    }
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
    if (read.bytesBefore() >= 0 && read.bytesAfter() != read.bytesBefore()) {
      problems.add(read.bytesAfter() - read.bytesBefore() + " bytes still held");
    }
    return problems.isEmpty()
        ? RuleResult.passed(rule, "the stream and its " + read.results().size() + " results released on another thread:"
            + " every struct once, nothing held")
        : RuleResult.failed(rule, "released on another thread: " + problems);
  }
}
