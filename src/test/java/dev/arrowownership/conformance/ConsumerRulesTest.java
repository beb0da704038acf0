package dev.arrowownership.conformance;

import static dev.arrowownership.conformance.RuleMessages.failed;
import static dev.arrowownership.conformance.RuleMessages.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.ConsumerMovesWithoutMarkingReleased;
import dev.arrowownership.fixtures.ConsumerRejectsHalf;
import dev.arrowownership.fixtures.ConsumerReleasesChildren;
import dev.arrowownership.fixtures.ConsumerReleasesTwice;
import dev.arrowownership.fixtures.ReadingConsumer;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.generate.InvalidBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

/**
 * The consumer rules' verdict texts: a conforming consumer's pass texts count the runs, and each
 * broken consumer's failure shows the run (fault point, release counts, what was thrown or held).
 */
class ConsumerRulesTest {

  /** Every allocation point is failed in turn; the run counts agree across the rules (one clean run more). */
  @Test
  void conformingConsumerPassesWithConsistentRunCounts() {
    Verdict verdict = ConformanceKit.checkConsumer("reading", new ReadingConsumer());
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE))
        .isEqualTo("array and schema released once each after the result was closed");
    Matcher points = Pattern.compile("each of (\\d+) allocation points failed in turn; released once every time")
        .matcher(passed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE));
    assertThat(points.matches()).isTrue();
    int runs = Integer.parseInt(points.group(1)) + 1;
    assertThat(runs).isGreaterThan(2);
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN))
        .isEqualTo("no child or dictionary released outside its parent's release in " + runs + " runs");
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_NO_ACCESS_AFTER_RELEASE))
        .isEqualTo("no write to a released struct in " + runs + " runs (reads cannot be observed)");
    // It releases in place, invalid batches too: every run released, none moved.
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED)).isEqualTo("in each of "
        + (runs + InvalidBatch.values().length) + " runs that released a base struct, it was marked released where"
        + " the caller put it; in 0 of them the consumer had moved it first");
  }

  /**
   * A consumer that moves the batch by copy and never marks the caller's structs released fails the
   * move rule in every run that releases, and no other rule: each struct was released once.
   */
  @Test
  void moveThatLeavesTheSourceLiveFailsOnlyTheMoveRule() {
    Verdict verdict = ConformanceKit.checkConsumer("copies", new ConsumerMovesWithoutMarkingReleased());
    assertThat(verdict.results()).filteredOn(r -> r.status() != Status.PASSED).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED);
    // the clean run and its 2 allocation points failed in turn break it; the invalid batches, refused before it
    // took them, do not
    assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED)).contains("3 of "
        + (3 + InvalidBatch.values().length) + " runs break it, first: no fault: base releases [array, schema] ="
        + " [1, 1]; released, yet still live (release != NULL) where the caller put it: array and schema.");
  }

  /** Released through a stale copy as well as in place: the first release was in place, so nothing was moved. */
  @Test
  void releaseThroughAStaleCopyIsNoMove() {
    assertThat(passed(ConformanceKit.checkConsumer("twice", new ConsumerReleasesTwice()),
        Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED)).endsWith("in 0 of them the consumer had moved it first");
  }

  /** One struct released through a copy and left live is enough; the message names which. */
  @Test
  void moveRuleNamesTheStructLeftLive() {
    ConsumerRun schemaLeftLive = new ConsumerRun(2, null, true, null, List.of(1, 1), List.of(false, true),
        List.of(false, true), List.of(), false, 0);
    ConsumerRun inPlace = new ConsumerRun(-1, null, false, null, List.of(1, 1), List.of(false, false),
        List.of(false, false), List.of(), false, 0);
    assertThat(ConsumerRules.marksMovedStructReleased(List.of(inPlace, schemaLeftLive)).message()).contains(
        "1 of 2 runs break it, first: allocation #2 failing: base releases [array, schema] = [1, 1]; released, yet"
            + " still live (release != NULL) where the caller put it: schema.");
  }

  /** A consumer that never releases anything shows no move: the rule says it could not be checked. */
  @Test
  void moveRuleIsNotApplicableWhenNothingWasReleased() {
    Verdict verdict = ConformanceKit.checkConsumer("drops", (array, schema, allocator) -> () -> { });
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED).status())
        .isEqualTo(Status.NOT_APPLICABLE);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED).message()).contains("the consumer"
        + " released no base struct in " + (1 + InvalidBatch.values().length) + " runs, so no move could be seen");
  }

  /**
   * The invalid-input rules' pass texts count the invalid batches and, for the required rule, how
   * many the consumer left (partly) live for the caller: none for the reading consumer, every one for
   * a consumer that releases only the schema.
   */
  @Test
  void invalidInputPassesCountWhatWasLeftToTheCaller() {
    Verdict reading = ConformanceKit.checkConsumer("reading", new ReadingConsumer());
    assertThat(passed(reading, Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE)).isEqualTo("4 invalid"
        + " batches: each base struct released once, by the consumer or, where it was left live (0 of 4), by the caller");
    assertThat(passed(reading, Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE)).isEqualTo("each of 4 invalid"
        + " batches refused with an error, both base structs then released or both left live");
    assertThat(passed(ConformanceKit.checkConsumer("half", new ConsumerRejectsHalf()),
        Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE)).contains("where it was left live (4 of 4)");
  }

  /** A consumer that releases both structs without allocating: no fault can be injected, and it says so. */
  @Test
  void consumerThatNeverAllocatesIsNotApplicableForFailures() {
    Verdict verdict = ConformanceKit.checkConsumer("release-only", (array, schema, allocator) -> {
      releaseBoth(array, schema);
      return () -> { };
    });
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE).status()).isEqualTo(Status.PASSED);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN)).endsWith(" in 1 runs");
  }

  /**
   * A consumer that throws on a valid batch refuses it: exactly-once is unsupported, naming its error,
   * when each base struct was released once in all, by the consumer or by the caller where the
   * consumer left it live (as for invalid input); one that throws having lost a struct fails, naming
   * the refusal and the run.
   */
  @Test
  void consumerThrowingOnAValidBatchRefusesIt() {
    Verdict verdict = ConformanceKit.checkConsumer("throws", (array, schema, allocator) -> {
      releaseBoth(array, schema);
      throw new IllegalArgumentException("bad batch");
    });
    String error = "java.lang.IllegalArgumentException: bad batch";
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE)).isEqualTo(RuleResult.unsupported(
        Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE, error, "the array and the schema were released once each, nothing held"));
    // It allocates nothing: its exception is not an injected fault, so no faulted run is counted.
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE).status()).isEqualTo(Status.NOT_APPLICABLE);

    Verdict losing = ConformanceKit.checkConsumer("throws-losing-the-array", (array, schema, allocator) -> {
      ArrowArray.wrap(array).markReleased(); // "moved away", then dropped: released by no one
      throw new IllegalArgumentException("bad batch");
    });
    assertThat(failed(losing, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE)).contains("refused the kit's valid input with "
        + error + ", and then broke the rule: no fault: base releases [array, schema] = [0, 0], left live [false, true],"
        + " threw " + error + ".");
  }

  /**
   * Arrow Java's importVectorSchemaRoot refusing a top-level array that is not a struct: it released
   * the schema and left the array live where the caller put it; the caller releases it, so each was
   * released once: a refusal, not a failure (the optional rule on invalid input asks for both or neither).
   */
  @Test
  void refusalLeavingAStructToTheCallerIsUnsupported() {
    Verdict verdict = ConformanceKit.checkConsumer("half", (array, schema, allocator) -> {
      ArrowSchema.wrap(schema).release();
      throw new IllegalArgumentException("not a struct");
    });
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE)).isEqualTo(RuleResult.unsupported(
        Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE, "java.lang.IllegalArgumentException: not a struct",
        "released once each, nothing held; the consumer left the array live where the caller put it, and the caller"
            + " released it"));
  }

  /** A result whose close() throws after consume() returned is no refusal: the batch was taken, and the rule fails. */
  @Test
  void resultCloseThrowingFailsTheRule() {
    Verdict verdict = ConformanceKit.checkConsumer("close-throws", (array, schema, allocator) -> () -> {
      releaseBoth(array, schema);
      throw new IllegalStateException("closing");
    });
    assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE)).contains("no fault: base releases [array,"
        + " schema] = [1, 1], threw dev.arrowownership.conformance.ResultCloseFailed: consume() returned, then closing"
        + " its result threw java.lang.IllegalStateException: closing");
  }

  /** A consumer that drops the batch without releasing it fails with zero release counts. */
  @Test
  void consumerDroppingTheBatchShowsZeroReleases() {
    Verdict verdict = ConformanceKit.checkConsumer("drops", (array, schema, allocator) -> () -> { });
    assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE))
        .contains("no fault: base releases [array, schema] = [0, 0].");
  }

  /** An injected fault the consumer swallows still counts as a failed allocation point. */
  @Test
  void swallowedFaultStillCountsAsAnAllocationPoint() {
    Verdict verdict = ConformanceKit.checkConsumer("swallows", (array, schema, allocator) -> {
      try {
        allocator.buffer(8).close();
      } catch (OutOfMemoryException ignored) {
        // carries on without the buffer
      }
      releaseBoth(array, schema);
      return () -> { };
    });
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE))
        .isEqualTo("each of 1 allocation points failed in turn; released once every time");
  }

  /** Bytes held after a failed allocation break the on-failure rule even though both structs were released. */
  @Test
  void bytesHeldAfterAFailureAreCaught() {
    Verdict verdict = ConformanceKit.checkConsumer("leaks-on-failure", (array, schema, allocator) -> {
      ArrowBuf first = null;
      try {
        first = allocator.buffer(8);
        allocator.buffer(8).close();
      } catch (OutOfMemoryException e) {
        releaseBoth(array, schema); // but `first` is never closed when the second allocation fails
        throw e;
      }
      first.close();
      releaseBoth(array, schema);
      return () -> { };
    });
    assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE))
        .contains("1 of 2 allocation points break it, first: allocation #1 failing: base releases [array, schema] = [1, 1], threw ")
        .contains(", consumer holds ");
  }

  /** A child released only on the failure path is reported with the fault point of that run. */
  @Test
  void childReleaseOnTheFailurePathNamesTheFaultPoint() {
    Verdict verdict = ConformanceKit.checkConsumer("children-on-failure", (array, schema, allocator) -> {
      try {
        allocator.buffer(8).close();
      } catch (OutOfMemoryException e) {
        long firstChild = MemoryUtil.getLong(ArrowArray.wrap(array).snapshot().children);
        ArrowArray.wrap(firstChild).release(); // the bug: only the parent's release may do this
        releaseBoth(array, schema);
        throw e;
      }
      releaseBoth(array, schema);
      return () -> { };
    });
    assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN)).contains("(in the run with allocation #0 failing)");
  }

  /** Other violations (a double release) do not count as a child released by the consumer. */
  @Test
  void doubleReleaseIsNotAChildRelease() {
    Verdict verdict = ConformanceKit.checkConsumer("twice", new ConsumerReleasesTwice());
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE).status()).isEqualTo(Status.FAILED);
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN).status()).isEqualTo(Status.PASSED);
  }

  /** Bytes the consumer's result leaves allocated fail exactly-once, with the count. */
  @Test
  void consumerHoldingBytesAfterCloseShowsTheBytes() {
    Verdict verdict = ConformanceKit.checkConsumer("holds", (array, schema, allocator) -> {
      releaseBoth(array, schema);
      allocator.buffer(64); // never closed
      return () -> { };
    });
    assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE))
        .contains("no fault: base releases [array, schema] = [1, 1], consumer holds 64 bytes.");
  }

  /** A child released by the consumer is reported with the run it happened in. */
  @Test
  void childReleaseNamesTheRun() {
    assertThat(failed(ConformanceKit.checkConsumer("children", new ConsumerReleasesChildren()),
        Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN)).contains("(in the run with no fault)");
  }

  /**
   * A consumer that moves the structs away (copy, mark released) and writes into the kit's array
   * when its result is closed: the write after consume() returned is caught against the snapshot.
   */
  @Test
  void writeIntoAMovedAwayStructIsCaught() {
    try (RootAllocator copies = new RootAllocator()) {
      Verdict verdict = ConformanceKit.checkConsumer("moves", (array, schema, allocator) -> {
        ArrowArray ownArray = ArrowArray.allocateNew(copies);
        ArrowSchema ownSchema = ArrowSchema.allocateNew(copies);
        ownArray.save(ArrowArray.wrap(array).snapshot());
        ownSchema.save(ArrowSchema.wrap(schema).snapshot());
        ArrowArray.wrap(array).markReleased();
        ArrowSchema.wrap(schema).markReleased();
        return () -> {
          MemoryUtil.putLong(array, 12345L); // "resets" the length of a struct it no longer owns
          ownArray.release();
          ownSchema.release();
          ownArray.close();
          ownSchema.close();
        };
      });
      assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE).status()).isEqualTo(Status.PASSED);
      assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_NO_ACCESS_AFTER_RELEASE))
          .contains("the kit's struct was written after it was released or moved away: no fault: base releases");
    }
  }

  /**
   * A child released again through a copy the consumer kept, after the parent released it: both
   * base structs were released once, and the double release alone fails exactly-once.
   */
  @Test
  void doubleReleaseOfAChildFailsExactlyOnce() {
    try (RootAllocator copies = new RootAllocator()) {
      Verdict verdict = ConformanceKit.checkConsumer("child-twice", (array, schema, allocator) -> {
        try (ArrowArray staleChild = ArrowArray.allocateNew(copies)) {
          staleChild.save(ArrowArray.wrap(MemoryUtil.getLong(ArrowArray.wrap(array).snapshot().children)).snapshot());
          releaseBoth(array, schema);
          staleChild.release();
        }
        return () -> { };
      });
      assertThat(failed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE))
          .contains("no fault: base releases [array, schema] = [1, 1], [DOUBLE_RELEASE on ");
    }
  }

  /** A child released by the consumer is its own rule's failure: exactly-once still passes. */
  @Test
  void childReleaseIsNotADoubleRelease() {
    Verdict verdict = ConformanceKit.checkConsumer("children", new ConsumerReleasesChildren());
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE))
        .isEqualTo("array and schema released once each after the result was closed");
  }

  /**
   * A consumer that takes the batch only when its result is closed (moves it into structs of its
   * own, then releases those): the kit's structs were still live when consume() returned, so their
   * marking as released is no write after release.
   */
  @Test
  void moveWhenTheResultIsClosedIsNoWriteAfterRelease() {
    try (RootAllocator copies = new RootAllocator()) {
      Verdict verdict = ConformanceKit.checkConsumer("moves-late", (array, schema, allocator) -> () -> {
        try (ArrowArray ownArray = ArrowArray.allocateNew(copies); ArrowSchema ownSchema = ArrowSchema.allocateNew(copies)) {
          ownArray.save(ArrowArray.wrap(array).snapshot());
          ownSchema.save(ArrowSchema.wrap(schema).snapshot());
          ArrowArray.wrap(array).markReleased();
          ArrowSchema.wrap(schema).markReleased();
          ownArray.release();
          ownSchema.release();
        }
      });
      assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_NO_ACCESS_AFTER_RELEASE))
          .isEqualTo("no write to a released struct in 1 runs (reads cannot be observed)");
      // Marked released when its result is closed, before the kit reads the caller's structs: a move, done right.
      assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED)).isEqualTo("in each of "
          + (1 + InvalidBatch.values().length) + " runs that released a base struct, it was marked released where the"
          + " caller put it; in " + (1 + InvalidBatch.values().length) + " of them the consumer had moved it first");
    }
  }

  /**
   * After the check, the kit has released the batch a consumer dropped and closed every allocator
   * it lent: nothing stays allocated under the kit's root, and no child allocator stays open.
   */
  @Test
  void kitReleasesADroppedBatchAndClosesTheConsumersAllocators() {
    List<BufferAllocator> lent = new ArrayList<>();
    ConformanceKit.checkConsumer("drops", (array, schema, allocator) -> {
      lent.add(allocator);
      allocator.buffer(8).close(); // one allocation point, so a faulted run too
      return () -> { };
    });
    // the clean run, allocation #0 failing, the run that made no fault, one run per invalid batch
    assertThat(lent).hasSize(3 + InvalidBatch.values().length);
    BufferAllocator root = lent.get(0).getRoot();
    assertThat(root.getAllocatedMemory()).isZero();
    assertThat(root.getChildAllocators()).isEmpty();
  }

  /** With a limit on the allocation points, only that many are failed in turn, and the message counts them. */
  @Test
  void faultPointsStopAtTheLimit() {
    Verdict verdict = new Verdict("allocates-three-times", ConsumerRules.check((array, schema, allocator) -> {
      releaseBoth(array, schema);
      for (int i = 0; i < 3; i++) {
        allocator.buffer(8).close();
      }
      return () -> { };
    }, 2));
    assertThat(passed(verdict, Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE))
        .isEqualTo("each of 2 allocation points failed in turn; released once every time");
  }

  private static void releaseBoth(long array, long schema) {
    ArrowArray.wrap(array).release();
    ArrowSchema.wrap(schema).release();
  }
}
