package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The injector on a real allocator: exactly the k-th allocation after arming fails, once, and
 * disarming before its turn fails nothing; the fault thrown is the one disarm hands back.
 */
class FaultInjectorTest {
  private final FaultInjector faults = new FaultInjector();

  /** failAt(2): allocations #0 and #1 succeed, #2 fails, #3 succeeds again (one fault per arming). */
  @Test
  void theKthAllocationFailsOnce() {
    try (var allocator = new RootAllocator(faults, Long.MAX_VALUE)) {
      faults.failAt(2);
      allocateAndFree(allocator);
      allocateAndFree(allocator);
      OutOfMemoryException fault = org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryException.class,
          () -> allocateAndFree(allocator));
      assertThat(fault).hasMessage("injected allocation failure (8 bytes)");
      allocateAndFree(allocator);
      assertThat(faults.disarm()).isSameAs(fault);
      assertThat(faults.disarm()).isNull(); // handed back once
    }
  }

  /** Disarmed before its turn, the injector fails no later allocation. */
  @Test
  void disarmedBeforeItsTurnNothingFails() {
    try (var allocator = new RootAllocator(faults, Long.MAX_VALUE)) {
      faults.failAt(1);
      allocateAndFree(allocator);
      assertThat(faults.disarm()).isNull();
      for (int i = 0; i < 3; i++) {
        allocateAndFree(allocator);
      }
    }
  }

  /** A negative allocation number is refused, naming it, and arms nothing. */
  @Test
  void negativeAllocationNumberIsRefused() {
    try (var allocator = new RootAllocator(faults, Long.MAX_VALUE)) {
      assertThatThrownBy(() -> faults.failAt(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("k must be >= 0, was -1");
      allocateAndFree(allocator);
      assertThat(faults.disarm()).isNull();
    }
  }

  private static void allocateAndFree(RootAllocator allocator) {
    try (ArrowBuf buffer = allocator.buffer(8)) {
      assertThat(buffer.capacity()).isEqualTo(8);
    }
  }
}
