package dev.arrowownership.conformance;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.KitStructs;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@link Rule#REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED}: produce() with allocation
 * #k of the producer failing, for k = 0, 1, 2, ... until the armed failure no longer happens. After
 * a failure each of the two structs must be released or untouched ({@code release == NULL}: the kit
 * hands them over released), and the producer must hold what it held before. Whatever produce()
 * left live (a success, or a half-built struct) the kit then releases: {@code release != NULL} says
 * the struct is the caller's to release.
 */
final class ProducerFailureRule {
  private static final Rule RULE = Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED;

  private ProducerFailureRule() {}

  /** What one produce() with allocation {@code faultAt} failing left behind. */
  record Attempt(int faultAt, Throwable thrown, boolean arrayLive, boolean schemaLive, long bytesBefore,
      long bytesAfter) {

    /** A failed produce() that left a struct live, or any produce() after which the producer holds more. */
    boolean broken() {
      return thrown != null && (arrayLive || schemaLive) || bytesAfter != bytesBefore;
    }

    @Override
    public String toString() {
      List<String> seen = new ArrayList<>();
      seen.add(thrown == null ? "produce() succeeded without it" : "produce() threw " + thrown);
      if (thrown != null && arrayLive) {
        seen.add("the array was left live (release != NULL; the kit released it)");
      }
      if (thrown != null && schemaLive) {
        seen.add("the schema was left live (release != NULL; the kit released it)");
      }
      if (bytesAfter != bytesBefore) {
        seen.add("the producer holds " + (bytesAfter - bytesBefore) + " bytes more than before");
      }
      return "allocation #" + faultAt + " failing: " + String.join(", ", seen);
    }
  }

  static RuleResult check(CDataProducer producer, BufferAllocator allocator, int maxFaultPoints) {
    Optional<AllocationFaults> hook = producer.faults();
    if (hook.isEmpty()) {
      return RuleResult.notApplicable(RULE, "the producer offers no way to fail its allocations: implement faults(),"
          + " or check it with ConformanceKit.checkProducer(target, AllocatingProducer) so that it allocates from"
          + " the kit's allocator");
    }
    List<Attempt> attempts = new ArrayList<>();
    for (int k = 0; k < maxFaultPoints; k++) {
      Optional<Attempt> attempt = attempt(producer, hook.get(), allocator, k);
      if (attempt.isEmpty()) {
        break;
      }
      attempts.add(attempt.get());
    }
    if (attempts.isEmpty()) {
      return RuleResult.notApplicable(RULE, "the producer made no allocation the fault hook could fail");
    }
    List<Attempt> wrong = attempts.stream().filter(Attempt::broken).toList();
    long failed = attempts.stream().filter(a -> a.thrown() != null).count();
    String memory = producer.allocatedBytes() < 0 ? " (allocatedBytes() is not reported: memory not checked)" : "";
    return wrong.isEmpty()
        ? RuleResult.passed(RULE, "each of " + attempts.size() + " allocation points failed in turn; produce() failed"
            + " at " + failed + " of them, each time leaving both structs released or untouched, and held no more"
            + " memory than before" + memory)
        : RuleResult.failed(RULE, wrong.size() + " of " + attempts.size() + " allocation points break it, first: "
            + wrong.get(0) + memory);
  }

  /** One produce() with allocation {@code k} failing; empty if that failure did not happen. */
  private static Optional<Attempt> attempt(CDataProducer producer, AllocationFaults faults, BufferAllocator allocator,
      int k) {
    try (ReleaseLedger ledger = new ReleaseLedger(); KitStructs structs = new KitStructs(allocator)) {
      long before = producer.allocatedBytes();
      Throwable thrown = null;
      faults.failAt(k);
      try {
        producer.produce(structs.arrayAddress(), structs.schemaAddress());
      } catch (Throwable t) {
        thrown = t;
      }
      boolean fired = faults.disarm();
      boolean arrayLive = StructKind.ARRAY.isLive(structs.arrayAddress());
      boolean schemaLive = StructKind.SCHEMA.isLive(structs.schemaAddress());
      // The batch of a success, or what a failure left live, released through the ledger: a second
      // call to a child's release is reported there instead of freeing memory twice.
      structs.trackLive(ledger, "attempt#" + k);
      structs.releaseLive();
      long after = producer.allocatedBytes();
      return fired ? Optional.of(new Attempt(k, thrown, arrayLive, schemaLive, before, after)) : Optional.empty();
    }
  }
}
