package dev.arrowownership.conformance;

import dev.arrowownership.generate.BatchSource;
import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.KitStructs;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One hand-over of a kit batch to a consumer, optionally with allocation {@code faultAt} of the
 * consumer's allocator failing or with the batch broken as {@code invalid} says, and what the ledger
 * saw: release calls on the two base structs, which of them the consumer left live, violations, and
 * whether the kit's structs were written after the consumer released or moved them.
 *
 * @param faultAt the allocation made to fail, or -1
 * @param invalid what is wrong with the batch handed over, or null for a valid one
 * @param faultFired whether the injected failure happened (false: the consumer allocates less)
 * @param thrown what consume() threw (a refusal), a {@link ResultCloseFailed} when closing its result threw, or null
 * @param baseCalls release calls on the array and the schema base struct
 * @param leftLive whether the array and the schema base struct were still live at the kit's address
 *     when the consumer was done (consume() returned or threw, and its result was closed): left to
 *     the caller, who releases them (the kit then does)
 * @param releasedElsewhere whether the array's and the schema's first release was called on a struct
 *     at another address than the kit's: the consumer had moved it first
 * @param violations what the ledger reported
 * @param writtenAfterRelease the kit's structs changed after they were released or moved away
 * @param heldBytes what the consumer still held at the end: its allocator's bytes, plus what its own
 *     {@link CDataConsumer#heldBytes()} grew by
 */
record ConsumerRun(int faultAt, InvalidBatch invalid, boolean faultFired, Throwable thrown, List<Integer> baseCalls,
    List<Boolean> leftLive, List<Boolean> releasedElsewhere, List<Violation> violations, boolean writtenAfterRelease,
    long heldBytes) {
  private static final List<String> BASES = List.of("array", "schema");

  /** A hand-over of a batch of {@code source}, with allocation {@code faultAt} failing (-1: none). */
  static ConsumerRun of(CDataConsumer consumer, BufferAllocator allocator, int faultAt, BatchSource source) {
    return run(consumer, allocator, faultAt, null, source);
  }

  /** A hand-over of a batch broken as {@code invalid} says, without an injected fault. */
  static ConsumerRun ofInvalid(CDataConsumer consumer, BufferAllocator allocator, InvalidBatch invalid) {
    return run(consumer, allocator, -1, invalid, KitBatches.ARROW_JAVA);
  }

  private static ConsumerRun run(CDataConsumer consumer, BufferAllocator allocator, int faultAt, InvalidBatch invalid,
      BatchSource source) {
    if (invalid != null) {
      CheckProgress.enter(Rule.REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE, "the invalid batch " + invalid);
    } else if (faultAt >= 0) {
      CheckProgress.enter(Rule.REQUIRED_CONSUMER_RELEASES_ON_FAILURE, "the valid batch, allocation #" + faultAt + " failing");
    } else {
      CheckProgress.enter(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE, "the valid batch");
    }
    FaultInjector injector = new FaultInjector();
    AllocationFaults faults = consumer.faults().orElseGet(injector::asAllocationFaults);
    BufferAllocator consumerAllocator = allocator.newChildAllocator("consumer", injector, 0, Long.MAX_VALUE);
    long seed = 42 + Math.max(faultAt, 0);
    try (ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = invalid == null ? KitBatches.export(allocator, ledger, "r", seed, source)
            : KitBatches.exportInvalid(allocator, ledger, invalid.toString(), seed, invalid)) {
      KeptBytes kept = KeptBytes.from(consumer::heldBytes);
      byte[][] released = new byte[2][]; // base structs already released or moved away when consume() was done
      boolean[] fired = {false};
      if (faultAt >= 0) {
        faults.failAt(faultAt);
      }
      Throwable thrown = ResultCloseFailed.consumeThenClose(
          () -> consumer.consume(structs.arrayAddress(), structs.schemaAddress(), consumerAllocator), () -> {
            fired[0] = faults.disarm();
            snapshotReleased(structs, released);
          });
      List<Integer> calls = structs.bases().stream().map(ledger::releaseCount).toList();
      List<Boolean> leftLive = List.of(StructKind.ARRAY.isLive(structs.arrayAddress()),
          StructKind.SCHEMA.isLive(structs.schemaAddress()));
      List<Boolean> elsewhere = List.of(releasedElsewhere(ledger, structs.bases().get(0), structs.arrayAddress()),
          releasedElsewhere(ledger, structs.bases().get(1), structs.schemaAddress()));
      List<Violation> violations = ledger.violations();
      boolean written = writtenAfterRelease(ledger, structs, released);
      structs.releaseLive(); // a consumer that never took the batch leaks it; the counts above say so
      return new ConsumerRun(faultAt, invalid, fired[0], thrown, calls, leftLive, elsewhere, violations, written,
          held(consumerAllocator) + kept.kept());
    }
  }

  /** True if each base struct was released exactly once and nothing was released twice. */
  boolean releasedExactlyOnce() {
    return baseCalls.equals(List.of(1, 1))
        && violations.stream().noneMatch(v -> v.kind() == Violation.Kind.DOUBLE_RELEASE);
  }

  /**
   * True if each base struct was released exactly once in all, counting the caller's release of one
   * the consumer left live, nothing was released twice or written after release, and the consumer's
   * allocator ended empty: a struct moved away and never released fails it.
   */
  boolean releasedOnceWithTheCallersPart() {
    for (int i = 0; i < 2; i++) {
      if (baseCalls.get(i) + (leftLive.get(i) ? 1 : 0) != 1) {
        return false;
      }
    }
    return violations.isEmpty() && !writtenAfterRelease && heldBytes == 0;
  }

  /**
   * The base structs ({@code array}, {@code schema}) the consumer released, through whatever copy, that
   * were still live at the kit's address when it was done: moved without marking the source released,
   * so that a caller going by {@code release != NULL} releases them a second time.
   */
  List<String> releasedButLeftLive() {
    return IntStream.range(0, 2).filter(i -> baseCalls.get(i) > 0 && leftLive.get(i)).mapToObj(BASES::get).toList();
  }

  /** The base structs ({@code array}, {@code schema}) the consumer left live at the caller's address. */
  List<String> leftToTheCaller() {
    return IntStream.range(0, 2).filter(leftLive::get).mapToObj(BASES::get).toList();
  }

  /** True if the consumer threw and then had released both base structs, or left both live. */
  boolean rejectedWhole() {
    return ResultCloseFailed.isRefusal(thrown) && (leftLive.equals(List.of(true, true))
        || leftLive.equals(List.of(false, false)) && baseCalls.equals(List.of(1, 1)));
  }

  List<Violation> violations(Violation.Kind kind) {
    return violations.stream().filter(v -> v.kind() == kind).toList();
  }

  @Override
  public String toString() {
    String input = invalid != null ? invalid + " (" + invalid.description() + ")"
        : faultAt < 0 ? "no fault" : "allocation #" + faultAt + " failing";
    return input + ": base releases [array, schema] = " + baseCalls
        + (invalid != null || ResultCloseFailed.isRefusal(thrown) && leftLive.contains(true) ? ", left live " + leftLive : "")
        + (thrown == null ? "" : ", threw " + thrown)
        + (heldBytes == 0 ? "" : ", consumer holds " + heldBytes + " bytes") + (violations.isEmpty() ? "" : ", "
        + violations) + (writtenAfterRelease ? ", written after release" : "");
  }

  /**
   * True if a base struct changed after its release (compared with the ledger's image of it) or,
   * when it was moved away, after consume() returned.
   */
  private static boolean writtenAfterRelease(ReleaseLedger ledger, KitStructs structs, byte[][] movedAway) {
    long[] addresses = {structs.arrayAddress(), structs.schemaAddress()};
    StructKind[] kinds = {StructKind.ARRAY, StructKind.SCHEMA};
    for (int i = 0; i < 2; i++) {
      byte[] expected = ledger.imageAfterRelease(structs.bases().get(i), addresses[i]).orElse(movedAway[i]);
      if (expected != null && !Arrays.equals(expected, kinds[i].read(addresses[i]))) {
        return true;
      }
    }
    return false;
  }

  /** Copies each base struct whose release is NULL into {@code into}. */
  private static void snapshotReleased(KitStructs structs, byte[][] into) {
    long[] addresses = {structs.arrayAddress(), structs.schemaAddress()};
    StructKind[] kinds = {StructKind.ARRAY, StructKind.SCHEMA};
    for (int i = 0; i < 2; i++) {
      if (!kinds[i].isLive(addresses[i])) {
        into[i] = kinds[i].read(addresses[i]);
      }
    }
  }

  /** True if {@code base}'s first release was called on a struct at another address than {@code address}. */
  private static boolean releasedElsewhere(ReleaseLedger ledger, TrackedStruct base, long address) {
    return ledger.events().stream().anyMatch(e -> e.struct().equals(base) && e.forwarded() && e.structAddress() != address);
  }

  private static long held(BufferAllocator consumerAllocator) {
    long held = consumerAllocator.getAllocatedMemory();
    try {
      consumerAllocator.close();
    } catch (IllegalStateException leaked) {
      // Reported through heldBytes; the kit's root allocator stays open for the other runs.
    }
    return held;
  }
}
