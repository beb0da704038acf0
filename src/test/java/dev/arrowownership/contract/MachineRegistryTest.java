package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.wrapper.RecordBatchData;
import org.junit.jupiter.api.Test;

/**
 * The registry closes every machine a property try opened exactly once, on success and on failure,
 * and a failing try keeps its own failure with the cleanup's leak attached.
 */
class MachineRegistryTest {

  /** The reference subject, counting how many times a handle is closed. */
  private static final class CountingSubject extends RecordBatchDataSubject {
    int closes;

    @Override
    public void close(RecordBatchData handle) {
      closes++;
      super.close(handle);
    }
  }

  /** closeAll closes each machine opened on this thread, and forgets it: a second closeAll closes nothing. */
  @Test
  void closeAllClosesEachOpenMachineOnce() {
    CountingSubject subject = new CountingSubject();
    MachineRegistry.open(subject).allocate();
    MachineRegistry.open(subject).allocate();
    MachineRegistry.closeAll();
    assertThat(subject.closes).isEqualTo(2);
    MachineRegistry.closeAll();
    assertThat(subject.closes).isEqualTo(2);
  }

  /** A passing check's machines are closed when it returns. */
  @Test
  void passingCheckHasItsMachinesClosed() {
    CountingSubject subject = new CountingSubject();
    MachineRegistry.runThenCloseAll(() -> MachineRegistry.open(subject).allocate());
    assertThat(subject.closes).isEqualTo(1);
  }

  /**
   * A failing check stays the failure thrown; its machine is still closed, and the leak that close
   * reports (memory the subject took and never freed) is attached as suppressed.
   */
  @Test
  void failingCheckKeepsItsFailureWithTheLeakSuppressed() {
    AssertionError stepFailed = new AssertionError("step failed");
    LeakingSubject leaking = new LeakingSubject();
    assertThatThrownBy(() -> MachineRegistry.runThenCloseAll(() -> {
      MachineRegistry.open(leaking).allocate();
      throw stepFailed;
    })).isSameAs(stepFailed);
    assertThat(stepFailed.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class)
        .extracting(Throwable::getMessage).asString().contains("Memory was leaked");
  }
}
