package dev.arrowownership.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
