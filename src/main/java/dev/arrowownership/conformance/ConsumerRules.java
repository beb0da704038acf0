package dev.arrowownership.conformance;

import dev.arrowownership.generate.BatchSource;
import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.ledger.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;

/**
 * The {@link Rule.Role#CONSUMER} rules: one hand-over without faults, then one per allocation point
 * of the consumer's allocator, failing that allocation, until a run makes fewer allocations; then
 * one hand-over of each {@link InvalidBatch}. Whether a moved struct was marked released is read in
 * every run, the invalid ones too.
 */
final class ConsumerRules {
  /** Upper bound on the allocation points tried. */
  static final int MAX_FAULT_POINTS = Integer.getInteger("arrowownership.kit.faultPoints", 200);

  private ConsumerRules() {}

  static List<RuleResult> check(CDataConsumer consumer) {
    return check(consumer, MAX_FAULT_POINTS);
  }

  /** The rules, failing at most the first {@code maxFaultPoints} allocation points. */
  static List<RuleResult> check(CDataConsumer consumer, int maxFaultPoints) {
    return check(consumer, maxFaultPoints, KitBatches.ARROW_JAVA);
  }

  /** The rules with valid batches from {@code source} (the invalid ones are the kit's own). */
  static List<RuleResult> check(CDataConsumer consumer, int maxFaultPoints, BatchSource source) {
    RootAllocator allocator = new RootAllocator();
    try {
      ConsumerRun clean = ConsumerRun.of(consumer, allocator, -1, source);
      List<ConsumerRun> faulted = new ArrayList<>();
      for (int k = 0; k < maxFaultPoints; k++) {
        ConsumerRun run = ConsumerRun.of(consumer, allocator, k, source);
        if (!run.faultFired()) {
          break;
        }
        faulted.add(run);
      }
      List<ConsumerRun> all = new ArrayList<>(faulted);
      all.add(0, clean);
      List<ConsumerRun> invalid = new ArrayList<>();
      for (InvalidBatch input : InvalidBatch.values()) {
        invalid.add(ConsumerRun.ofInvalid(consumer, allocator, input));
      }
      List<ConsumerRun> every = new ArrayList<>(all);
      every.addAll(invalid);
      return List.of(exactlyOnce(clean), onFailure(faulted), neverReleasesChildren(all), noAccessAfterRelease(all),
          marksMovedStructReleased(every), InvalidInputRules.releasedExactlyOnce(invalid),
          InvalidInputRules.rejectedWhole(invalid));
    } finally {
      try {
        allocator.close();
      } catch (IllegalStateException leakedByTheConsumer) {
        // A consumer that never releases leaks the kit's batch; its rules already failed for it.
      }
    }
  }

  /**
   * Once the result is closed, each base struct was released once and nothing is held. A consumer
   * that refuses the valid batch ({@code consume()} throws) is {@link RuleResult.Status#UNSUPPORTED}
   * when each base struct was released once in all, by the consumer or, where it left the struct live
   * at the caller's address, by the caller (as for invalid input: the spec does not say what an API
   * that refuses input must do with it), and nothing is held: the spec does not require a consumer
   * to hold every type. A refusal that loses a struct, releases one twice or keeps memory fails, and
   * so does a result whose {@code close()} throws ({@link ResultCloseFailed}: the batch was taken).
   */
  static RuleResult exactlyOnce(ConsumerRun clean) {
    Rule rule = Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE;
    if (ResultCloseFailed.isRefusal(clean.thrown())) {
      String error = clean.thrown().toString();
      if (!clean.releasedOnceWithTheCallersPart()) {
        return RuleResult.failedRefusing(rule, error, clean.toString());
      }
      List<String> left = clean.leftToTheCaller();
      return RuleResult.unsupported(rule, error, left.isEmpty()
          ? "the array and the schema were released once each, nothing held"
          : "released once each, nothing held; the consumer left the " + String.join(" and ", left)
              + " live where the caller put it, and the caller released it");
    }
    return clean.thrown() == null && clean.releasedExactlyOnce() && clean.heldBytes() == 0
        ? RuleResult.passed(rule, "array and schema released once each after the result was closed")
        : RuleResult.failed(rule, clean.toString());
  }

  private static RuleResult onFailure(List<ConsumerRun> faulted) {
    Rule rule = Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE;
    if (faulted.isEmpty()) {
      return RuleResult.notApplicable(rule, "the consumer made no allocation from the kit's allocator"
          + " or through its own fault hook, so no allocation failure could be injected");
    }
    List<ConsumerRun> wrong = faulted.stream().filter(r -> !r.releasedExactlyOnce() || r.heldBytes() != 0).toList();
    return wrong.isEmpty()
        ? RuleResult.passed(rule, "each of " + faulted.size() + " allocation points failed in turn; released once every time")
        : RuleResult.failed(rule, wrong.size() + " of " + faulted.size() + " allocation points break it, first: " + wrong.get(0));
  }

  private static RuleResult neverReleasesChildren(List<ConsumerRun> runs) {
    Rule rule = Rule.REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN;
    return runs.stream().filter(r -> !r.violations(Violation.Kind.CHILD_RELEASED_BY_CONSUMER).isEmpty())
        .findFirst()
        .map(r -> RuleResult.failed(rule, r.violations(Violation.Kind.CHILD_RELEASED_BY_CONSUMER).get(0)
            + " (in the run with " + (r.faultAt() < 0 ? "no fault" : "allocation #" + r.faultAt() + " failing") + ")"))
        .orElse(RuleResult.passed(rule, "no child or dictionary released outside its parent's release in "
            + runs.size() + " runs"));
  }

  /**
   * {@link Rule#REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED}, read once the consumer is done with each
   * run: earlier, a consumer that reads the caller's struct in place and releases it when its result is
   * closed cannot be told from one that copied it; by then, a base struct released (the ledger counted it)
   * but still live at the caller's address was released through a copy whose source was never marked.
   */
  static RuleResult marksMovedStructReleased(List<ConsumerRun> runs) {
    Rule rule = Rule.REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED;
    List<ConsumerRun> wrong = runs.stream().filter(r -> !r.releasedButLeftLive().isEmpty()).toList();
    if (!wrong.isEmpty()) {
      return RuleResult.failed(rule, wrong.size() + " of " + runs.size() + " runs break it, first: " + wrong.get(0)
          + "; released, yet still live (release != NULL) where the caller put it: "
          + String.join(" and ", wrong.get(0).releasedButLeftLive()));
    }
    long released = runs.stream().filter(r -> r.baseCalls().stream().anyMatch(c -> c > 0)).count();
    if (released == 0) {
      return RuleResult.notApplicable(rule, "the consumer released no base struct in " + runs.size()
          + " runs, so no move could be seen (a batch never released fails the release rules)");
    }
    long moved = runs.stream().filter(r -> r.releasedElsewhere().contains(true)).count();
    return RuleResult.passed(rule, "in each of " + released + " runs that released a base struct, it was marked"
        + " released where the caller put it; in " + moved + " of them the consumer had moved it first");
  }

  private static RuleResult noAccessAfterRelease(List<ConsumerRun> runs) {
    Rule rule = Rule.REQUIRED_CONSUMER_NO_ACCESS_AFTER_RELEASE;
    return runs.stream().filter(ConsumerRun::writtenAfterRelease).findFirst()
        .map(r -> RuleResult.failed(rule, "the kit's struct was written after it was released or moved away: " + r))
        .orElse(RuleResult.passed(rule, "no write to a released struct in " + runs.size()
            + " runs (reads cannot be observed)"));
  }
}
