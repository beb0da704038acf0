package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream producer's rules judged from hand-made reads: a schema and one array whose child is
 * released {@code childReleases} times, with the ledger's violations, the stream's release and the
 * producer's bytes as given. What each rule passes or fails on, without producing a stream.
 */
class StreamReadRulesTest {
  private static final TrackedStruct SCHEMA = new TrackedStruct(1, StructKind.SCHEMA, "result0");
  private static final TrackedStruct ARRAY = new TrackedStruct(2, StructKind.ARRAY, "result1");
  private static final TrackedStruct CHILD = new TrackedStruct(3, StructKind.ARRAY, "result1");
  private static final String DIGEST = "digest 2a85";
  private static final Violation DOUBLE_RELEASE = new Violation(Violation.Kind.DOUBLE_RELEASE, CHILD, "released twice");
  private static final Violation LEFT_SET = new Violation(Violation.Kind.RELEASE_NOT_NULLED, ARRAY, "release left set");

  @Test
  void conformingResultsKeepTheProducerRules() {
    RuleResult result = StreamReadRules.resultsKeepTheProducerRules(read(DIGEST, DIGEST, 1, List.of(), true, 0));
    assertThat(result.status()).isEqualTo(Status.PASSED);
    assertThat(result.message()).isEqualTo("2 results (the schema and 1 arrays) read as C Data, each released with"
        + " release left NULL; 1 children and dictionaries, each released once by its parent");
  }

  @Test
  void anUnreadableResultAChildNotReleasedOnceAndAViolationEachBreakTheProducerRules() {
    RuleResult result = StreamReadRules.resultsKeepTheProducerRules(
        read("does not read: NULL format", null, 0, List.of(DOUBLE_RELEASE), true, 0));
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.message()).contains("[" + ARRAY + " does not read: NULL format, " + CHILD + " released 0 times, "
        + DOUBLE_RELEASE + "]");
  }

  @Test
  void resultsMustReadTheSameAfterTheStreamIsReleased() {
    assertThat(StreamReadRules.resultsOutliveTheStream(read(DIGEST, DIGEST, 1, List.of(), true, 0)).status())
        .isEqualTo(Status.PASSED);
    assertThat(StreamReadRules.resultsOutliveTheStream(read(DIGEST, null, 1, List.of(), true, 0)).message())
        .contains("the stream released first: [" + ARRAY + " was released by the time the stream's release returned]");
    assertThat(StreamReadRules.resultsOutliveTheStream(read(DIGEST, "digest 9999", 1, List.of(), true, 0)).message())
        .contains("[" + ARRAY + " reads differently after the stream's release (other values)]");
    assertThat(StreamReadRules.resultsOutliveTheStream(read(DIGEST, "does not read: freed", 1, List.of(), true, 0))
        .message()).contains("[" + ARRAY + " reads differently after the stream's release: does not read: freed]");
  }

  @Test
  void releaseOnAnotherThreadNeedsEachStructOnceNullAndNothingHeld() {
    assertThat(StreamReadRules.releasedOnAnotherThread(read(DIGEST, DIGEST, 1, List.of(LEFT_SET), true, 0)).message())
        .as("a release left set is the release-sets-NULL rule's alone")
        .isEqualTo("the stream and its 2 results released on another thread: every struct once, nothing held");
    RuleResult broken = StreamReadRules.releasedOnAnotherThread(read(DIGEST, DIGEST, 2, List.of(DOUBLE_RELEASE), false, 8));
    assertThat(broken.status()).isEqualTo(Status.FAILED);
    assertThat(broken.message()).contains("released on another thread: [" + DOUBLE_RELEASE + ", " + CHILD
        + " released 2 times, the stream's release left release set, the producer holds 8 bytes, 0 before]");
  }

  @Test
  void theEndAndTheStreamsReleaseAreReportedAsRead() {
    assertThat(StreamReadRules.endIsAReleasedArray(read(DIGEST, DIGEST, 1, List.of(), true, 0)).message())
        .isEqualTo("after 1 batches get_next returned 0 with a released array, and did so again when called once more");
    assertThat(StreamReadRules.releaseSetsNull(read(DIGEST, DIGEST, 1, List.of(), true, 0)).status())
        .isEqualTo(Status.PASSED);
    assertThat(StreamReadRules.releaseSetsNull(read(DIGEST, DIGEST, 1, List.of(), false, 0)).status())
        .isEqualTo(Status.FAILED);
  }

  /** The schema, then the array with one child; the array read {@code before} and {@code after} the stream's release. */
  private static StreamRead read(String before, String after, int childReleases, List<Violation> violations,
      boolean streamNulled, long bytesAfter) {
    Map<TrackedStruct, Integer> releases = new LinkedHashMap<>();
    releases.put(SCHEMA, 1);
    releases.put(ARRAY, 1);
    releases.put(CHILD, childReleases);
    return new StreamRead(List.of(new StreamRead.Result(List.of(SCHEMA), "schema i", "schema i"),
        new StreamRead.Result(List.of(ARRAY, CHILD), before, after)), null, streamNulled, violations, releases, 0,
        bytesAfter);
  }
}
