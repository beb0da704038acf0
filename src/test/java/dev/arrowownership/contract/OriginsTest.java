package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.model.Expected;
import dev.arrowownership.model.Expected.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The machine records how each handle came to be in its state only for steps that returned
 * normally, and a move-assign records its source and target only when they are two handles: the
 * exhaustive checker's state key keeps these origins, so a wrong one merges states a wrapper tells
 * apart.
 */
class OriginsTest {

  /** On its own: only a step that returned records an origin, and says so; the frame starts absent. */
  @Test
  void onlyAStepThatReturnedRecordsAnOrigin() {
    Origins origins = new Origins();
    origins.created("new");
    assertThat(origins.changed(Expected.illegalState(), 0, "filled")).isFalse();
    assertThat(origins.changed(Expected.fault(), 0, "filled")).isFalse();
    assertThat(origins.of(0)).isEqualTo("new");
    assertThat(origins.changed(Expected.ok(), 0, "filled")).isTrue();
    assertThat(origins.of(0)).isEqualTo("filled");
    assertThat(origins.frame()).isEqualTo("absent");
    origins.frame("extracted");
    assertThat(origins.frame()).isEqualTo("extracted");
  }

  /** A move-assign of an owning source into an empty target records the source moved out and the target filled. */
  @Test
  void moveAssignOfAnOwningSourceRecordsSourceMovedOutAndTargetFilled() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.allocate();
      m.populate(0, 3, 1);
      m.moveAssign(1, 0);

      assertThat(m.origins().of(0)).isEqualTo("movedOut");
      assertThat(m.origins().of(1)).isEqualTo("filled");
      m.finish();
    }
  }

  /** A move-assign of an empty source into an owning target records the source moved out and the target released. */
  @Test
  void moveAssignOfAnEmptySourceRecordsSourceMovedOutAndTargetReleased() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.allocate();
      m.populate(0, 3, 1);
      m.moveAssign(0, 1);

      assertThat(m.origins().of(1)).isEqualTo("movedOut");
      assertThat(m.origins().of(0)).isEqualTo("released");
      m.finish();
    }
  }

  /** A move-assign rejected as misuse, from or into a closed handle, changes no handle's origin. */
  @Test
  void moveAssignThatIsMisuseRecordsNothing() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.allocate();
      m.populate(0, 3, 1);
      m.close(1);
      m.moveAssign(0, 1);
      m.moveAssign(1, 0);

      assertThat(m.outcomeCount(Outcome.ILLEGAL_STATE)).isEqualTo(2);
      assertThat(m.origins().of(0)).isEqualTo("filled");
      assertThat(m.origins().of(1)).isEqualTo("closed");
      m.finish();
    }
  }

  /** A self-move-assign of an empty or an owning handle leaves its origin as it was. */
  @Test
  void selfMoveAssignRecordsNothing() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.moveAssign(0, 0);
      assertThat(m.origins().of(0)).isEqualTo("new");

      m.populate(0, 3, 1);
      m.moveAssign(0, 0);
      assertThat(m.origins().of(0)).isEqualTo("filled");
      m.finish();
    }
  }

  /** A move-from rejected as misuse creates no handle origin, so the next allocated handle is recorded as new. */
  @Test
  void moveFromThatIsMisuseCreatesNoOrigin() {
    try (var m = new OwnershipMachine<>(new RecordBatchDataSubject())) {
      m.allocate();
      m.close(0);
      m.moveFrom(0);
      m.allocate();

      assertThat(m.outcomeCount(Outcome.ILLEGAL_STATE)).isEqualTo(1);
      assertThat(m.handleCount()).isEqualTo(2);
      assertThat(m.origins().of(1)).isEqualTo("new");
      m.finish();
    }
  }
}
