package dev.arrowownership.conformance;

import dev.arrowownership.generate.BatchSource;
import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.StreamPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Rule.Role#STREAM_CONSUMER} rules: one plain stream of generated batches the kit
 * implements, then adversarial ones (failures, an empty and an uneven stream, invalid results), each
 * handed to the consumer on its own.
 */
final class StreamConsumerRules {
  /** Batches in the kit's stream. */
  static final int BATCHES = Integer.getInteger("arrowownership.kit.streamBatches", 3);
  /** What the kit's failing streams say through get_last_error (when they say anything). */
  static final String ERROR = "the kit's stream fails here on purpose (conformance check of the error path)";

  private StreamConsumerRules() {}

  static List<RuleResult> check(CDataStreamConsumer consumer) {
    return check(consumer, KitBatches.ARROW_JAVA);
  }

  /** The rules with valid streams of {@code source}'s batches (the invalid ones are the kit's own). */
  static List<RuleResult> check(CDataStreamConsumer consumer, BatchSource source) {
    StreamPlan plain = StreamPlan.batches(BATCHES);
    CheckProgress.enter(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE, "the plain stream");
    StreamRun run = StreamRun.of(consumer, "plain", plain, source);
    CheckProgress.enter(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR, "the failing streams");
    List<StreamRun> errors = List.of(
        StreamRun.of(consumer, "get_schema fails", plain.failingGetSchema(ERROR), source),
        StreamRun.of(consumer, "get_next fails at once", plain.failingGetNext(0, ERROR), source),
        StreamRun.of(consumer, "get_next fails after one batch, get_last_error NULL", plain.failingGetNext(1, null), source),
        StreamRun.of(consumer, "get_next fills out, then fails", plain.fillingThenFailingGetNext(0, ERROR), source));
    StreamPlan uneven = plain.withRows(KitBatches.ROWS, 0, 1, 37);
    CheckProgress.enter(Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS, "an empty and an uneven stream");
    List<StreamRun> shapes = List.of(StreamRun.of(consumer, "no batch", plain.withRows(), source),
        StreamRun.of(consumer, "batches of " + uneven.rows() + " rows", uneven, source));
    List<StreamRun> invalid = new ArrayList<>();
    for (InvalidBatch fault : InvalidBatch.values()) {
      CheckProgress.enter(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE, "a stream with " + fault);
      invalid.add(StreamRun.of(consumer, fault + " (" + fault.description() + ")", plain.with(fault)));
    }
    return List.of(streamOnce(run), eachResultOnce(run), everythingOnError(errors), emptyAndUneven(run, shapes),
        filledByAFailedGetNext(errors.get(3)), invalidResults(invalid));
  }

  /**
   * The stream released once; a consumer that refused the valid stream (threw) having released the
   * stream and every result once, holding nothing, is {@link RuleResult.Status#UNSUPPORTED}.
   */
  private static RuleResult streamOnce(StreamRun run) {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE;
    String released = "the stream was released " + run.streamReleases() + " times";
    if (run.refused()) {
      return run.streamReleases() != 1 ? RuleResult.failedRefusing(rule, run.thrown().toString(), released)
          : refused(rule, run);
    }
    return run.streamReleases() == 1
        ? RuleResult.passed(rule, "the stream was released once")
        : RuleResult.failed(rule, released);
  }

  /**
   * Every result released once, children never, and nothing left in the consumer's allocator: bytes
   * still held there are results the consumer kept (an imported vector, a copy) after it was done.
   */
  private static RuleResult eachResultOnce(StreamRun run) {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE;
    List<String> problems = run.resultProblems();
    if (run.refused()) {
      return problems.isEmpty() ? refused(rule, run)
          : RuleResult.failedRefusing(rule, run.thrown().toString(), problems.toString());
    }
    if (!problems.isEmpty()) {
      return RuleResult.failed(rule, problems.toString());
    }
    return run.results().isEmpty()
        ? RuleResult.notApplicable(rule, "the consumer obtained no schema or array from the stream")
        : RuleResult.passed(rule, run.results().size() + " schemas and arrays obtained, each released once, the"
            + " allocator left empty");
  }

  /** What a clean refusal of {@code run}'s valid stream shows. */
  private static RuleResult refused(Rule rule, StreamRun run) {
    return RuleResult.unsupported(rule, run.thrown().toString(), run.scenario() + ": the stream and the "
        + run.results().size() + " schemas and arrays obtained were released once each, nothing held");
  }

  private static RuleResult everythingOnError(List<StreamRun> runs) {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR;
    List<StreamRun> wrong = runs.stream().filter(r -> !r.problems().isEmpty()).toList();
    long reported = runs.stream().filter(StreamRun::refused).count();
    return wrong.isEmpty()
        ? RuleResult.passed(rule, runs.size() + " failing streams (" + String.join("; ", scenarios(runs))
            + "): the stream and every result released once each; the consumer reported the error in " + reported
            + " of " + runs.size())
        : RuleResult.failed(rule, wrong.size() + " of " + runs.size() + " failing streams break it: " + wrong);
  }

  /**
   * The empty and the uneven stream read without an error. A consumer that refused the plain stream
   * too, and refused these with everything released once, does not hold the batches' type: {@link
   * RuleResult.Status#UNSUPPORTED}. One that read the plain stream but refuses these breaks the rule:
   * it holds the type, not an empty stream or batches of other lengths.
   */
  private static RuleResult emptyAndUneven(StreamRun plain, List<StreamRun> runs) {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS;
    List<StreamRun> broken = runs.stream().filter(r -> !r.problems().isEmpty()).toList();
    List<StreamRun> refused = runs.stream().filter(StreamRun::refused).toList();
    if (broken.isEmpty() && refused.isEmpty()) {
      return RuleResult.passed(rule, String.join(" and ", scenarios(runs)) + ": read without an error, the stream and"
          + " every result released once");
    }
    if (broken.isEmpty() && plain.refused()) {
      return RuleResult.unsupported(rule, refused.get(0).thrown().toString(), "as the plain stream, "
          + String.join(" and ", scenarios(refused)) + " refused with the stream and every result released once");
    }
    List<StreamRun> wrong = runs.stream().filter(r -> r.thrown() != null || !r.problems().isEmpty()).toList();
    String observed = wrong.size() + " of " + runs.size() + " streams break it: " + wrong;
    return !plain.refused()
        ? RuleResult.failed(rule, observed + (refused.isEmpty() ? "" : " (the plain stream of the same batches was read"
            + " without an error)"))
        : RuleResult.failedRefusing(rule, plain.thrown().toString(), observed);
  }

  private static RuleResult filledByAFailedGetNext(StreamRun run) {
    Rule rule = Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED;
    if (run.filledOnErrorCalls().isEmpty()) {
      return RuleResult.notApplicable(rule, "the consumer never called get_next on the stream whose get_next fills"
          + " out and fails" + run.failure());
    }
    int calls = run.filledOnErrorCalls().get(0);
    return calls == 1
        ? RuleResult.passed(rule, "the array a failing get_next had put into out was released once" + run.failure())
        : RuleResult.failed(rule, "the array a failing get_next had put into out was released " + calls + " times"
            + " (Arrow C++'s reader releases it once)" + run.failure());
  }

  private static RuleResult invalidResults(List<StreamRun> runs) {
    Rule rule = Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE;
    List<StreamRun> wrong = runs.stream().filter(r -> !r.problems().isEmpty()).toList();
    if (!wrong.isEmpty()) {
      return RuleResult.failed(rule, wrong.size() + " of " + runs.size() + " streams with an invalid schema or"
          + " batch break it: " + wrong);
    }
    List<String> rejected = runs.stream().filter(StreamRun::refused).map(r -> firstWord(r.scenario())).toList();
    List<String> accepted = runs.stream().filter(r -> r.thrown() == null).map(r -> firstWord(r.scenario())).toList();
    return RuleResult.passed(rule, runs.size() + " streams with an invalid schema or batch: the stream and every"
        + " result released once; rejected with an error: " + rejected + ", read without an error: " + accepted);
  }

  private static List<String> scenarios(List<StreamRun> runs) {
    return runs.stream().map(StreamRun::scenario).toList();
  }

  private static String firstWord(String scenario) {
    return scenario.substring(0, scenario.indexOf(' '));
  }
}
