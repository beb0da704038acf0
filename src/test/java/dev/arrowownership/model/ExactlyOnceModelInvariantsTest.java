package dev.arrowownership.model;

import static dev.arrowownership.model.ExactlyOnceModel.HandleStatus.EMPTY;
import static dev.arrowownership.model.ExactlyOnceModel.HandleStatus.OWNING;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The model's self-check on hand-made bookkeeping: the operations never break an invariant, so each
 * broken state is written down directly. Unless a test says otherwise, there are no handles and no
 * frame, and batch {@code r} has the release counts given as {@code {array, schema}}.
 */
class ExactlyOnceModelInvariantsTest {
  private static final List<HandleStatus> NO_HANDLES = List.of();
  private static final List<Integer> NOTHING = List.of();

  private static void check(List<HandleStatus> handles, List<Integer> content, List<Integer> frame, int[]... releases) {
    ExactlyOnceModel.checkInvariants(handles, content, frame, List.of(releases));
  }

  private static AbstractThrowableAssert<?, ?> assertBroken(List<HandleStatus> handles, List<Integer> content,
      List<Integer> frame, int[]... releases) {
    return assertThatThrownBy(() -> check(handles, content, frame, releases)).isInstanceOf(IllegalStateException.class);
  }

  private static int[] released(int array, int schema) {
    return new int[] {array, schema};
  }

  /** h0 owns r0, the frame owns r1, r2 is released and owned by nobody: all as it should be. */
  @Test
  void consistentBookkeepingPasses() {
    assertThatCode(() -> check(List.of(OWNING, EMPTY), List.of(0, -1), List.of(1),
        released(0, 0), released(0, 0), released(1, 1))).doesNotThrowAnyException();
  }

  /** A handle is OWNING exactly when it names a batch. */
  @Test
  void aHandlesStatusMustAgreeWithItsContent() {
    assertBroken(List.of(OWNING), List.of(-1), NOTHING).hasMessage("h0 is OWNING with content -1");
    assertBroken(List.of(EMPTY), List.of(0), NOTHING, released(0, 0)).hasMessage("h0 is EMPTY with content 0");
  }

  /** Either part released twice is a double release, whatever the other part did. */
  @Test
  void aPartReleasedTwiceIsReported() {
    for (int[] twice : List.of(released(2, 1), released(1, 2), released(2, 2))) {
      assertBroken(NO_HANDLES, NOTHING, NOTHING, twice).hasMessage("r0 released more than once");
    }
  }

  /** A live batch has exactly one owner, a released one none, and its two parts go together. */
  @Test
  void ownersMatchTheReleases() {
    assertBroken(NO_HANDLES, NOTHING, NOTHING, released(0, 0)).hasMessage("r0 has 0 owners, releases 0/0");
    assertBroken(List.of(OWNING), List.of(0), List.of(0), released(0, 0)).hasMessage("r0 has 2 owners, releases 0/0");
    assertBroken(List.of(OWNING), List.of(0), NOTHING, released(1, 1)).hasMessage("r0 has 1 owners, releases 1/1");
    assertBroken(NO_HANDLES, NOTHING, NOTHING, released(1, 0)).hasMessage("r0 has 0 owners, releases 1/0");
  }
}
