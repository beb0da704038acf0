package dev.arrowownership.nativecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.support.FailedRule;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit checks native code through {@link NativeTarget} alone: the conforming C producer, consumers
 * and stream consumers of {@code src/test/c/} keep every rule, and each broken one, one bug each (the
 * bug classes of the Java fixtures), fails exactly the rule for its bug, naming what went wrong. The
 * JVM survives every double release involved: the ledger reports it and does not forward it.
 */
class NativeFixturesAreCheckedTest {

  /** The C producer of a struct batch with a string column and a dictionary-encoded column keeps every rule. */
  @Test
  void conformingProducerKeepsEveryRule() {
    NativeTarget target = FixtureTargets.producer("producer_make_batch");
    long before = target.heldBytes().orElseThrow();

    Verdict verdict = ConformanceKit.checkProducer("producer_make_batch", target.producer().orElseThrow());

    verdict.assertConformsIncludingOptional();
    // Three children and the dictionary, in the array's tree and in the schema's.
    assertThat(message(verdict, Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN))
        .isEqualTo("8 children and dictionaries, each released once by the parent");
    assertThat(message(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds " + before + " bytes after release, as before produce()");
    assertThat(target.heldBytes()).hasValue(before);
  }

  /**
   * The consumer that reads and releases, and the one that keeps the batch until its drop hook, keep
   * every rule, on their failure paths too: each of their allocations is failed in turn through the
   * library's own fault hook. Each invalid batch they refuse before taking it, left whole to the caller.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("conformingConsumers")
  void conformingConsumerKeepsEveryRule(String symbol, int allocations) {
    NativeTarget target = FixtureTargets.consumer(symbol);
    long before = target.heldBytes().orElseThrow();

    Verdict verdict = ConformanceKit.checkConsumer(symbol, target.consumer().orElseThrow());

    verdict.assertConformsIncludingOptional();
    assertThat(message(verdict, Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE))
        .isEqualTo("each of " + allocations + " allocation points failed in turn; released once every time");
    int invalid = InvalidBatch.values().length;
    assertThat(message(verdict, Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE))
        .endsWith("where it was left live (" + invalid + " of " + invalid + "), by the caller");
    assertThat(target.heldBytes()).as("what the consumer kept was freed by its drop").hasValue(before);
  }

  static Stream<Arguments> conformingConsumers() {
    return Stream.of(Arguments.of("consumer_take", 2), Arguments.of("consumer_keep", 3));
  }

  /**
   * The stream consumers that read to the end, releasing as they go or keeping the last array until
   * drop, keep every rule on the adversarial streams too: they reject each invalid schema or batch
   * with an error, and release it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("conformingStreamConsumers")
  void conformingStreamConsumerKeepsEveryRule(String symbol) {
    NativeTarget target = FixtureTargets.streamConsumer(symbol);
    long before = target.heldBytes().orElseThrow();

    Verdict verdict = ConformanceKit.checkStreamConsumer(symbol, target.streamConsumer().orElseThrow());

    verdict.assertConformsIncludingOptional();
    assertThat(message(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE))
        .startsWith("4 schemas and arrays obtained, each released once");
    assertThat(message(verdict, Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE))
        .endsWith("rejected with an error: " + Arrays.toString(InvalidBatch.values()) + ", read without an error: []");
    assertThat(target.heldBytes()).hasValue(before);
  }

  static Stream<String> conformingStreamConsumers() {
    return Stream.of("stream_consumer_read_all", "stream_consumer_keep_last");
  }

  static Stream<Arguments> brokenTargets() {
    return Stream.of(
        broken("producer_release_not_nulled", Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL,
            "release left non-NULL on [batch.children[1].array#"),
        // A leak in a release is counted by the free-everything rule; the moved-struct and
        // other-thread rules see the same bytes kept after their own release and pass, saying whose
        // leak it is (the other-thread rule still lists a struct never released). The failure-path
        // rule fails too: a produce() that fails part way frees what it built through the same
        // release, so the leak stays behind with the error.
        broken("producer_forgets_dictionary", Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN,
            "[batch.children[2].dictionary.array#", Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING,
            Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD, Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED),
        broken("producer_keeps_string_buffers", Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING,
            " bytes from before produce() (",
            Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED),
        broken("producer_keyed_by_address", Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID,
            "bytes more after releasing the moved struct"),
        // Every round releases through the ledger, the ones that only look at liveness or memory too:
        // the second call is reported, never forwarded, so the check ends instead of the process.
        broken("producer_releases_child_twice", Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN,
            "batch.children[0].array#", Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID,
            Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD),
        broken("consumer_never_releases", Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE, "[array, schema] = [0, 0]"),
        broken("consumer_releases_twice", Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE, "DOUBLE_RELEASE on r.array#"),
        broken("consumer_releases_a_child", Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN,
            "CHILD_RELEASED_BY_CONSUMER on r.children[0].array#"),
        broken("consumer_writes_after_release", Rule.REQUIRED_CONSUMER_NO_ACCESS_AFTER_RELEASE,
            "written after it was released"),
        broken("consumer_leaks_on_failure", Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE,
            "allocation #0 failing: base releases [array, schema] = [0, 1], left live [true, false], threw "
                + NativeCallFailed.class.getName() + ": consumer_leaks_on_failure returned 12 (ENOMEM)"),
        broken("consumer_keep_drop_never_releases", Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE,
            "[array, schema] = [0, 0]"),
        // Every release right, only its own memory kept: seen through the held-bytes hook alone.
        broken("consumer_keep_drop_leaks_entry", Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE,
            "[array, schema] = [1, 1], consumer holds 168 bytes"),
        // Released once each, through the copies its drop releases: only the caller's structs, still
        // live after that, show the move it never finished.
        broken("consumer_keep_leaves_source_live", Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED,
            "no fault: base releases [array, schema] = [1, 1]; released, yet still live (release != NULL) where the"
                + " caller put it: array and schema"),
        // The stream consumers' bugs are on the path every scan takes, and the adversarial streams
        // check the same "once each" on streams of their own: each rule whose streams reach the bug
        // sees it. Every stream is released, and its schema obtained on all but the one whose
        // get_schema fails; a first batch is given up only on streams that yield a valid one (the
        // plain one, the one failing after a batch, the uneven one), so the invalid streams, whose
        // bad schema or first batch is rejected and released on another path, do not see those bugs.
        broken("stream_consumer_keeps_schema", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE,
            "stream.schema.schema#", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR,
            Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS,
            Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE),
        broken("stream_consumer_never_releases_stream", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE,
            "the stream was released 0 times", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR,
            Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS,
            Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE),
        broken("stream_consumer_keeps_first_batch", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE,
            "stream.batch0.array#", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR,
            Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS),
        broken("stream_consumer_releases_a_batch_twice", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE,
            "DOUBLE_RELEASE on stream.batch0.array#", Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR,
            Rule.REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS));
  }

  /**
   * Each broken native target fails the rule for its bug, by name, spec section and hint, and no
   * other but those listed (a leak shows in every rule that counts bytes after a release, a stream
   * consumer's bug in every rule whose streams reach it).
   */
  @ParameterizedTest(name = "{0} breaks {1}")
  @MethodSource("brokenTargets")
  void kitFailsTheRuleTheNativeBugBreaks(String symbol, Rule rule, String symptom, List<Rule> alsoFailing) {
    Verdict verdict = check(symbol);

    FailedRule.assertFailed(verdict, rule, symptom);
    assertThat(failedRules(verdict)).as(verdict.toString())
        .isEqualTo(Stream.concat(Stream.of(rule), alsoFailing.stream()).collect(Collectors.toSet()));
  }

  /**
   * A consumer whose only bug is on its failure path passes every run without a fault: it is caught
   * only because the kit fails its allocations through the library's own fault hook. Without the
   * hook bound, the rule cannot be checked and says so.
   */
  @Test
  void failurePathBugIsSeenOnlyThroughTheFaultHook() {
    NativeTarget withoutHook = FixtureTargets.library(FixtureTargets.CONSUMERS)
        .bind(EntryPoint.CONSUMER, "consumer_leaks_on_failure").load();

    Verdict verdict = ConformanceKit.checkConsumer("no fault hook", withoutHook.consumer().orElseThrow());

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  /** A child released by a native consumer is reported and not forwarded: its parent's release still releases it once. */
  @Test
  void childReleasedByANativeConsumerIsNotForwarded() {
    Verdict verdict = check("consumer_releases_a_child");
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN).message()).contains("not forwarded");
    assertThat(message(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE))
        .isEqualTo("array and schema released once each after the result was closed");
  }

  private static Verdict check(String symbol) {
    if (symbol.startsWith("producer_")) {
      return ConformanceKit.checkProducer(symbol, FixtureTargets.producer(symbol).producer().orElseThrow());
    }
    if (symbol.startsWith("consumer_")) {
      return ConformanceKit.checkConsumer(symbol, FixtureTargets.consumer(symbol).consumer().orElseThrow());
    }
    return ConformanceKit.checkStreamConsumer(symbol, FixtureTargets.streamConsumer(symbol).streamConsumer().orElseThrow());
  }

  private static Set<Rule> failedRules(Verdict verdict) {
    return verdict.with(Status.FAILED).stream().map(RuleResult::rule).collect(Collectors.toSet());
  }

  /** The message of {@code rule}, which must have passed. */
  private static String message(Verdict verdict, Rule rule) {
    RuleResult result = verdict.result(rule);
    assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASSED);
    return result.message();
  }

  private static Arguments broken(String symbol, Rule rule, String symptom, Rule... alsoFailing) {
    return Arguments.of(symbol, rule, symptom, List.of(alsoFailing));
  }
}
