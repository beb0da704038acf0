package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stream plan is what its factory methods say, each changing one thing, and refuses what cannot be. */
class StreamPlanTest {

  /** The plain plan: batches of the kit's row count, nothing failing, NULL last error, no fault. */
  @Test
  void plainPlanFailsNowhere() {
    assertThat(StreamPlan.batches(2)).isEqualTo(new StreamPlan(List.of(KitBatches.ROWS, KitBatches.ROWS), false, -1,
        false, null, null));
  }

  /** Each method sets its own field and keeps the others. */
  @Test
  void eachMethodChangesOneThing() {
    StreamPlan plain = StreamPlan.batches(1).with(InvalidBatch.RELEASED_CHILD);
    assertThat(plain.withRows(3, 0)).isEqualTo(new StreamPlan(List.of(3, 0), false, -1, false, null, InvalidBatch.RELEASED_CHILD));
    assertThat(plain.failingGetSchema("why")).isEqualTo(new StreamPlan(plain.rows(), true, -1, false, "why", InvalidBatch.RELEASED_CHILD));
    assertThat(plain.failingGetNext(2, null)).isEqualTo(new StreamPlan(plain.rows(), false, 2, false, null, InvalidBatch.RELEASED_CHILD));
    assertThat(plain.fillingThenFailingGetNext(0, "x")).isEqualTo(new StreamPlan(plain.rows(), false, 0, true, "x", InvalidBatch.RELEASED_CHILD));
    assertThat(plain.failingGetSchema("why").withRows(5).failingGetNext(1, "again").with(InvalidBatch.UNKNOWN_FORMAT))
        .isEqualTo(new StreamPlan(List.of(5), true, 1, false, "again", InvalidBatch.UNKNOWN_FORMAT));
  }

  /** Negative row counts, a negative failing call and a null fault are refused. */
  @Test
  void impossiblePlansAreRefused() {
    assertThatThrownBy(() -> StreamPlan.batches(1).withRows(3, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row counts must be >= 0, were [3, -1]");
    assertThatThrownBy(() -> StreamPlan.batches(1).failingGetNext(-1, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the failing get_next call is counted from 0, was -1");
    assertThatThrownBy(() -> StreamPlan.batches(1).fillingThenFailingGetNext(-2, null)).hasMessageEndingWith("was -2");
    assertThatThrownBy(() -> StreamPlan.batches(1).with(null)).isInstanceOf(NullPointerException.class).hasMessage("fault");
    assertThat(StreamPlan.batches(1).withRows(0).rows()).containsExactly(0);
  }
}
