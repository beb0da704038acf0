package dev.arrowownership.generate;

import dev.arrowownership.conformance.FaultInjector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.ledger.ReleaseLedger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The kit's producer for consumer checks: a failed export leaves nothing allocated. */
class KitBatchesTest {

  /**
   * When generating the batch fails (its third allocation, after the two base structs), the
   * failure propagates and the structs the export allocated are freed.
   */
  @Test
  void failedExportFreesItsStructs() {
    FaultInjector faults = new FaultInjector();
    try (RootAllocator root = new RootAllocator();
        BufferAllocator allocator = root.newChildAllocator("kit", faults, 0, Long.MAX_VALUE);
        ReleaseLedger ledger = new ReleaseLedger()) {
      faults.failAt(2);
      assertThatThrownBy(() -> KitBatches.export(allocator, ledger, "b", 1)).isInstanceOf(OutOfMemoryException.class);
      assertThat(faults.disarm()).isNotNull();
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThat(ledger.tracked()).isEmpty();
    }
  }
}
