package dev.arrowownership.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected.Outcome;
import dev.arrowownership.model.Expected.Part;
import dev.arrowownership.model.Expected.Release;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model states the contract: what each operation releases, and when it must throw. */
class ExactlyOnceModelTest {
  private final ExactlyOnceModel model = new ExactlyOnceModel();

  private static List<Release> both(int resource) {
    return List.of(new Release(resource, Part.ARRAY), new Release(resource, Part.SCHEMA));
  }

  /** Move-assignment releases the target's old batch, and self-assignment releases nothing. */
  @Test
  void moveAssignReleasesTheOldBatchAndSelfAssignNothing() {
    int a = model.allocate();
    int b = model.allocate();
    model.populate(a, 1, 0);
    model.populate(b, 2, 0);
    assertThat(model.moveAssign(a, a)).isEqualTo(Expected.ok());
    assertThat(model.moveAssign(a, b).releases()).isEqualTo(both(0));
    assertThat(model.contentOf(a)).isEqualTo(1);
    assertThat(model.status(b)).isEqualTo(ExactlyOnceModel.HandleStatus.EMPTY);
    model.checkInvariants();
  }

  /** Misuse is an IllegalStateException that changes nothing. */
  @Test
  void misuseChangesNothing() {
    int a = model.allocate();
    model.populate(a, 3, 0);
    assertThat(model.populate(a, 4, 0).outcome()).isEqualTo(Outcome.ILLEGAL_STATE);
    assertThat(model.resourceCount()).isEqualTo(1);
    model.close(a);
    assertThat(model.close(a)).isEqualTo(Expected.ok());
    assertThat(model.rowCount(a).outcome()).isEqualTo(Outcome.ILLEGAL_STATE);
    assertThat(model.moveFrom(a).outcome()).isEqualTo(Outcome.ILLEGAL_STATE);
    assertThat(model.handleCount()).isEqualTo(1);
    assertThat(model.unreleased()).isEmpty();
  }

  /** A faulted extraction changes nothing; a later one hands out every batch; double extraction throws. */
  @Test
  void extractionIsAllOrNothingAndOnce() {
    model.newFrame(List.of(1L, 2L), List.of(10, 20));
    assertThat(model.extract(true).outcome()).isEqualTo(Outcome.FAULT);
    assertThat(model.frameContent()).containsExactly(0, 1);
    Expected extracted = model.extract(false);
    assertThat(extracted.value()).isEqualTo(0);
    assertThat(model.contentOf(1)).isEqualTo(1);
    assertThat(model.extract(false).outcome()).isEqualTo(Outcome.ILLEGAL_STATE);
    assertThat(model.closeFrame().releases()).isEmpty();
    model.checkInvariants();
  }

  /** Closing an unextracted frame releases all of its batches once. */
  @Test
  void closingTheFrameReleasesWhatItOwns() {
    model.newFrame(List.of(5L), List.of(1));
    assertThat(model.closeFrame().releases()).isEqualTo(both(0));
    assertThat(model.closeFrame().releases()).isEmpty();
    assertThat(model.unreleased()).isEmpty();
  }

  /** A handle holding a new batch of the given rows; that batch is resource {@code resourceCount()-1}. */
  private int owning(long rows) {
    int handle = model.allocate();
    model.populate(handle, rows, 0);
    return handle;
  }

  /** Populating answers the new batch's index and records its rows and fingerprint; both parts are open. */
  @Test
  void populateCreatesAnUnreleasedBatch() {
    int a = model.allocate();
    assertThat(model.populate(a, 7, 42)).isEqualTo(Expected.ok(0));
    assertThat(model.rows(0)).isEqualTo(7);
    assertThat(model.fingerprint(0)).isEqualTo(42);
    assertThat(model.rowCount(a)).isEqualTo(Expected.ok(7));
    assertThat(model.unreleased()).isEqualTo(both(0));
  }

  /** moveFrom hands the content to a new handle and empties the source; moving an empty handle moves nothing. */
  @Test
  void moveFromHandsTheContentToANewHandle() {
    int a = owning(1);
    assertThat(model.moveFrom(a)).isEqualTo(Expected.ok(1));
    assertThat(model.status(a)).isEqualTo(HandleStatus.EMPTY);
    assertThat(model.contentOf(1)).isZero();

    assertThat(model.moveFrom(a)).isEqualTo(Expected.ok(2));
    assertThat(model.status(2)).isEqualTo(HandleStatus.EMPTY);
    assertThat(model.contentOf(2)).isEqualTo(-1);
    model.checkInvariants();
  }

  /** A closed handle on either side of a move-assignment is misuse, and the other side keeps its batch. */
  @Test
  void moveAssignWithAClosedHandleIsIllegal() {
    int open = owning(1);
    int closed = model.allocate();
    model.close(closed);
    assertThat(model.moveAssign(closed, open)).isEqualTo(Expected.illegalState());
    assertThat(model.moveAssign(open, closed)).isEqualTo(Expected.illegalState());
    assertThat(model.contentOf(open)).isZero();
  }

  /** Import-and-close releases each part once and leaves the handle empty; an empty handle has nothing to import. */
  @Test
  void importAndCloseRootReleasesTheBatchOnce() {
    int a = model.allocate();
    assertThat(model.importAndCloseRoot(a)).isEqualTo(Expected.illegalState());
    model.populate(a, 1, 0);

    assertThat(model.importAndCloseRoot(a)).isEqualTo(Expected.ok(both(0)));

    assertThat(model.status(a)).isEqualTo(HandleStatus.EMPTY);
    assertThat(model.releaseCount(0, Part.ARRAY)).isEqualTo(1);
    assertThat(model.releaseCount(0, Part.SCHEMA)).isEqualTo(1);
  }

  /** One frame at a time: a new one only when none was made or the last is closed. */
  @Test
  void oneFrameAtATime() {
    assertThat(model.closeFrame()).isEqualTo(Expected.ok());
    assertThat(model.frameStatus()).isEqualTo(FrameStatus.ABSENT);

    assertThat(model.newFrame(List.of(1L), List.of(1))).isEqualTo(Expected.ok());
    assertThat(model.frameStatus()).isEqualTo(FrameStatus.OPEN);
    assertThatThrownBy(() -> model.newFrame(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    model.extract(false);
    assertThatThrownBy(() -> model.newFrame(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    model.closeFrame();
    assertThat(model.frameStatus()).isEqualTo(FrameStatus.CLOSED);

    model.newFrame(List.of(2L), List.of(2));
    assertThat(model.frameContent()).containsExactly(1);
    model.checkInvariants();
  }

  /** Reports print an outcome, the releases if any, and the value if any (0 is a value). */
  @Test
  void expectedReadsAsItIsReported() {
    assertThat(Expected.ok()).hasToString("OK");
    assertThat(Expected.ok(0)).hasToString("OK -> 0");
    assertThat(Expected.ok(both(3))).hasToString("OK releasing [r3.array, r3.schema]");
    assertThat(Expected.illegalState()).hasToString("ILLEGAL_STATE");
  }
}
