package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the checks read of a handle through the subject for the exhaustive checker's state key: owned
 * or not, the row count (or the exception it threw) and which structs are live; of a closed handle,
 * only whether it still claims to own.
 */
class StepChecksTest {

  @Test
  void reportsWhatTheWrapperShowsOfEachHandle() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.populate(0, 3, 1);
      m.allocate();
      assertThat(m.reports(0)).isEqualTo("owned,3,AS");
      assertThat(m.reports(1)).isEqualTo("-,0,as");
      m.close(1);
      assertThat(m.reports(1)).isEqualTo("-");
      m.finish();
    }
  }
}
