package dev.arrowownership.libraries;

import dev.arrowownership.support.LeakRescue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.ledger.ReleaseLedger;
import java.util.List;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The minimal reproducer of apache/arrow-java#1239 in Arrow Java 19.0.0, at every allocation point
 * of an import: the first failing allocation leaves the array with the caller, every later one
 * moves it out of the caller's struct and never releases it. Asserted as observed, so this test
 * fails once the fix (apache/arrow-java#1240) is in the Arrow Java version the project uses.
 */
class ArrowJavaImportFaultTest {
  private static final int ROWS = 10;
  /** {@code ArrowArray.allocateNew}: 80 bytes, rounded up by the allocator. */
  private static final long OWNED_STRUCT_BYTES = 128;

  private final LeakRescue rescue = new LeakRescue();
  private final RootAllocator allocator = rescue.rootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final ImportFaultSweep sweep = new ImportFaultSweep(allocator, ledger, rescue, ROWS);

  @AfterEach
  void close() {
    ledger.close();
    allocator.close(); // 0 outstanding: the sweep released and freed what the importer lost
  }

  /** {@code Data.importVectorSchemaRoot} at each of its allocation points. */
  @Test
  void importVectorSchemaRootLosesTheArrayAtEveryAllocationButTheFirst() {
    assertObserved(sweep.sweep(ArrowJavaTargets::importRoot));
  }

  /** {@code Data.importField} + {@code Data.importIntoVector} at each of its allocation points. */
  @Test
  void importIntoVectorLosesTheArrayAtEveryAllocationButTheFirst() {
    assertObserved(sweep.sweep(ArrowJavaTargets::importIntoVector));
  }

  /**
   * The same loss with no injection at all: an allocator limit that admits the importer's struct
   * but not the batch's buffers (the failure happens in the allocator, before the wrap's {@code try}).
   */
  @Test
  void anAllocatorLimitLosesTheArrayToo() {
    ImportOutcome limited = sweep.runWithLimit(ArrowJavaTargets::importRoot, OWNED_STRUCT_BYTES + 64);

    assertThat(rootCause(limited.failure())).isInstanceOf(OutOfMemoryException.class)
        .hasMessageContaining("Unable to allocate buffer");
    assertThat(limited.movedAndLeaked()).as("%s", limited).isTrue();
    assertThat(limited.consumerBytes()).isEqualTo(OWNED_STRUCT_BYTES);
  }

  private static void assertObserved(List<ImportOutcome> outcomes) {
    ImportOutcome clean = outcomes.get(0);
    assertThat(clean.failure()).isNull();
    assertThat(clean.exactlyOnce()).as("clean run: %s", clean).isTrue();
    assertThat(clean.allocations()).isGreaterThan(2);
    assertThat(outcomes).hasSize(1 + clean.allocations());

    // The struct the importer moves the array into is its first allocation: failing it leaves the
    // array in the caller's struct, live (documented: "on successful completion ... moved").
    ImportOutcome first = outcomes.get(1);
    assertThat(rootCause(first.failure())).isInstanceOf(OutOfMemoryException.class);
    assertThat(first.arrayLeftLive()).isTrue();
    assertThat(first.arrayReleases()).isZero();
    assertThat(first.schemaReleases()).isEqualTo(1);
    assertThat(first.consumerBytes()).isZero();

    // Every later failure: moved, never released, the importer's copy of the struct leaked.
    for (ImportOutcome later : outcomes.subList(2, outcomes.size())) {
      assertThat(rootCause(later.failure())).as("%s", later).isInstanceOf(OutOfMemoryException.class);
      assertThat(later.movedAndLeaked()).as("%s", later).isTrue();
      assertThat(later.schemaReleases()).isEqualTo(1);
      assertThat(later.consumerBytes()).isEqualTo(OWNED_STRUCT_BYTES);
      assertThat(later.producerBytes()).isPositive();
      assertThat(later.violations()).isEmpty();
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
