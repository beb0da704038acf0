package dev.arrowownership.conformance;

import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.KitStructs;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.Violation;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One hand-over of a kit batch to a consumer, optionally with allocation {@code faultAt} of the
 * consumer's allocator failing, and what the ledger saw: release calls on the two base structs,
 * violations, and whether the kit's structs were written after the consumer released or moved them.
 *
 * @param faultAt the allocation made to fail, or -1
 * @param faultFired whether the injected failure happened (false: the consumer allocates less)
 * @param thrown what consume() or the result's close() threw, or null
 * @param baseCalls release calls on the array and the schema base struct
 * @param violations what the ledger reported
 * @param writtenAfterRelease the kit's structs changed after they were released or moved away
 * @param heldBytes what the consumer's allocator still held at the end
 */
record ConsumerRun(int faultAt, boolean faultFired, Throwable thrown, List<Integer> baseCalls,
    List<Violation> violations, boolean writtenAfterRelease, long heldBytes) {

  static ConsumerRun of(CDataConsumer consumer, BufferAllocator allocator, int faultAt) {
    FaultInjector injector = new FaultInjector();
    AllocationFaults faults = consumer.faults().orElseGet(injector::asAllocationFaults);
    BufferAllocator consumerAllocator = allocator.newChildAllocator("consumer", injector, 0, Long.MAX_VALUE);
    try (ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = KitBatches.export(allocator, ledger, "r", 42 + Math.max(faultAt, 0))) {
      Throwable thrown = null;
      byte[][] released = new byte[2][]; // base structs already released or moved away when consume() returned
      boolean fired;
      if (faultAt >= 0) {
        faults.failAt(faultAt);
      }
      try (AutoCloseable result = consumer.consume(structs.arrayAddress(), structs.schemaAddress(), consumerAllocator)) {
        fired = faults.disarm();
        snapshotReleased(structs, released);
      } catch (Throwable t) {
        fired = faults.disarm();
        thrown = t;
      }
      List<Integer> calls = structs.bases().stream().map(ledger::releaseCount).toList();
      List<Violation> violations = ledger.violations();
      boolean written = writtenAfterRelease(ledger, structs, released);
      structs.releaseLive(); // a consumer that never took the batch leaks it; the counts above say so
      return new ConsumerRun(faultAt, fired, thrown, calls, violations, written, held(consumerAllocator));
    }
  }

  /** True if each base struct was released exactly once and nothing was released twice. */
  boolean releasedExactlyOnce() {
    return baseCalls.equals(List.of(1, 1))
        && violations.stream().noneMatch(v -> v.kind() == Violation.Kind.DOUBLE_RELEASE);
  }

  List<Violation> violations(Violation.Kind kind) {
    return violations.stream().filter(v -> v.kind() == kind).toList();
  }

  @Override
  public String toString() {
    return (faultAt < 0 ? "no fault" : "allocation #" + faultAt + " failing") + ": base releases [array, schema] = "
        + baseCalls + (thrown == null ? "" : ", threw " + thrown) + (heldBytes == 0 ? "" : ", consumer holds "
        + heldBytes + " bytes") + (violations.isEmpty() ? "" : ", " + violations);
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
