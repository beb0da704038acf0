package dev.arrowownership.conformance;

import dev.arrowownership.generate.KitStructs;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.apache.arrow.memory.RootAllocator;

/** The {@link Rule.Role#PRODUCER} rules, each on a batch of its own, with real release calls. */
final class ProducerRules {
  private ProducerRules() {}

  /** What one produce-then-release round showed. */
  private record Round(List<TrackedStruct> bases, List<TrackedStruct> descendants, List<Violation> violations,
      List<TrackedStruct> unreleased, List<Integer> descendantCalls, long bytesBefore, long bytesAfter) {}

  static List<RuleResult> check(CDataProducer producer) {
    List<RuleResult> results = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator()) {
      results.add(RuleRun.of(Rule.REQUIRED_PRODUCER_SETS_RELEASE, () -> setsRelease(producer, allocator)));
      Round[] here = {null};
      results.add(RuleRun.of(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL,
          () -> releaseSetsNull(here[0] = round(producer, allocator, false))));
      results.add(RuleRun.of(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN, () -> releasesChildren(roundOrThrow(here))));
      results.add(RuleRun.of(Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID,
          () -> MovedStructRule.check(producer, allocator, keptByThePlainRound(here[0]))));
      results.add(RuleRun.of(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, () -> freesEverything(roundOrThrow(here))));
      results.add(RuleRun.of(Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD,
          () -> onAnotherThread(producer, allocator, keptByThePlainRound(here[0]))));
      results.add(RuleRun.of(Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED,
          () -> ProducerFailureRule.check(producer, allocator, ConsumerRules.MAX_FAULT_POINTS)));
    }
    return results;
  }

  private static RuleResult setsRelease(CDataProducer producer, RootAllocator allocator) throws Exception {
    try (ReleaseLedger ledger = new ReleaseLedger(); KitStructs structs = new KitStructs(allocator)) {
      producer.produce(structs.arrayAddress(), structs.schemaAddress());
      boolean array = StructKind.ARRAY.isLive(structs.arrayAddress());
      boolean schema = StructKind.SCHEMA.isLive(structs.schemaAddress());
      structs.trackLive(ledger, "batch"); // a release that calls a child's twice is reported, not forwarded
      structs.releaseLive();
      return array && schema
          ? RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "both base structs live after produce()")
          : RuleResult.failed(Rule.REQUIRED_PRODUCER_SETS_RELEASE,
              "after produce() release is NULL on the " + (array ? "schema" : "array"));
    }
  }

  private static RuleResult releaseSetsNull(Round round) {
    List<Violation> notNulled = round.violations.stream()
        .filter(v -> v.kind() == Violation.Kind.RELEASE_NOT_NULLED).toList();
    return notNulled.isEmpty()
        ? RuleResult.passed(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL,
            (round.bases.size() + round.descendants.size()) + " structs released, each left with release == NULL")
        : RuleResult.failed(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL, "release left non-NULL on "
            + notNulled.stream().map(v -> String.valueOf(v.struct())).toList() + " (the ledger set it to NULL)");
  }

  private static RuleResult releasesChildren(Round round) {
    Rule rule = Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN;
    if (round.descendants.isEmpty()) {
      return RuleResult.notApplicable(rule, "the produced batch has no children or dictionary");
    }
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < round.descendants.size(); i++) {
      if (round.descendantCalls.get(i) != 1) {
        wrong.add(round.descendants.get(i) + " released " + round.descendantCalls.get(i) + " times");
      }
    }
    // A second call on a child, at the same address or through a copy, is counted as the child's
    // second call and recorded as a DOUBLE_RELEASE violation: both are listed.
    wrong.addAll(ProducerViolations.besidesReleaseLeftSet(round.violations));
    return wrong.isEmpty()
        ? RuleResult.passed(rule, round.descendants.size() + " children and dictionaries, each released once by the parent")
        : RuleResult.failed(rule, "after the parents' release: " + wrong);
  }

  private static Round roundOrThrow(Round[] round) {
    if (round[0] == null) {
      throw new IllegalStateException("producing and releasing a batch failed (see "
          + Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL.id() + ")");
    }
    return round[0];
  }

  private static RuleResult freesEverything(Round round) {
    Rule rule = Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING;
    if (round.bytesBefore < 0) {
      return RuleResult.notApplicable(rule, "the producer does not report allocatedBytes()");
    }
    if (round.bytesAfter < round.bytesBefore) {
      // Memory held from before produce() was freed meanwhile (a pool handing back its cache, a batch of an
      // earlier round the collector let go): this round kept nothing that can be counted.
      return RuleResult.passed(rule, "the producer holds " + round.bytesAfter + " bytes after release, "
          + (round.bytesBefore - round.bytesAfter) + " fewer than before produce(): nothing of this round's is kept");
    }
    return round.bytesAfter == round.bytesBefore
        ? RuleResult.passed(rule, "the producer holds " + round.bytesAfter + " bytes after release, as before produce()")
        : RuleResult.failed(rule, String.format("after release the producer's memory differs by %+d bytes from before"
            + " produce() (%d before, %d after: what earlier rounds kept is in both)", round.bytesAfter - round.bytesBefore,
            round.bytesBefore, round.bytesAfter));
  }

  /**
   * What the plain round's release kept (on the producing thread, without a move), to tell the
   * moved-struct and other-thread rules a leak that comes from neither: none, which excuses nothing,
   * when there was no plain round (its produce() threw) or no byte count (-1 both before and after).
   */
  private static PlainReleaseLeak keptByThePlainRound(Round round) {
    return new PlainReleaseLeak(round == null ? 0 : round.bytesAfter - round.bytesBefore);
  }

  /**
   * {@link Rule#OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD}; {@code onTheProducingThread}: what the
   * same release on the producing thread kept: as much kept here is that release's leak, not the thread's.
   */
  private static RuleResult onAnotherThread(CDataProducer producer, RootAllocator allocator,
      PlainReleaseLeak onTheProducingThread)
      throws Exception {
    Rule rule = Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD;
    Round round = round(producer, allocator, true);
    List<String> problems = new ArrayList<>(ProducerViolations.besidesReleaseLeftSet(round.violations));
    round.unreleased.forEach(s -> problems.add(s + " never released"));
    long kept = round.bytesAfter - round.bytesBefore;
    boolean leakOfTheRelease = onTheProducingThread.explains(kept);
    if (round.bytesBefore >= 0 && kept != 0 && !leakOfTheRelease) {
      problems.add(kept + " bytes still held");
    }
    return problems.isEmpty()
        ? RuleResult.passed(rule, "released on another thread: every struct once, " + (leakOfTheRelease ? kept
            + " bytes still held, as many as on the producing thread: " + PlainReleaseLeak.owner("the thread's")
            : "nothing held"))
        : RuleResult.failed(rule, "released on another thread: " + problems);
  }

  /** Produces a batch, tracks every struct in it, releases both bases (on a new thread if asked). */
  private static Round round(CDataProducer producer, RootAllocator allocator, boolean otherThread) {
    try (ReleaseLedger ledger = new ReleaseLedger(); KitStructs structs = new KitStructs(allocator)) {
      long before = producer.allocatedBytes();
      producer.produce(structs.arrayAddress(), structs.schemaAddress());
      structs.track(ledger, "batch");
      if (otherThread) {
        FutureTask<Void> release = new FutureTask<>(structs::releaseLive, null);
        new Thread(release, "kit-releaser").start();
        release.get(); // waits; what the release threw comes back as an ExecutionException
      } else {
        structs.releaseLive();
      }
      List<TrackedStruct> descendants = structs.descendants();
      return new Round(structs.bases(), descendants, ledger.violations(), ledger.unreleased(),
          descendants.stream().map(ledger::releaseCount).toList(), before, producer.allocatedBytes());
    } catch (Exception e) {
      throw new IllegalStateException("producing or releasing a batch failed: " + e, e);
    }
  }
}
