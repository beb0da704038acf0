package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.ArrowFixture;
import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.HandleState;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Generated bad calls each get a clear exception that names the handle (or argument) and its state;
 * nothing is released twice, nothing leaks, and the JVM survives every one of them.
 */
class MisuseProperties {

  /** A generated misuse throws the right exception, names what is wrong, and keeps every release exactly-once. */
  @Property(tries = 300)
  void misuseGetsAClearExceptionAndNeverReleasesTwice(
      @ForAll Misuse misuse, @ForAll HandleCall call, @ForAll boolean owning, @ForAll @IntRange(min = 1, max = 50) int rows)
      throws Exception {
    try (ArrowFixture arrow = new ArrowFixture()) {
      TrackedBatch batch = MisuseCases.run(arrow, misuse, call, owning, rows);
      assertThat(arrow.ledger.violations()).as("no double release").isEmpty();
      if (batch != null) {
        assertThat(arrow.releases(batch)).as("released exactly once by the end").containsExactly(1, 1);
      }
    }
  }

  /** Closing a frame's batches twice and extracting twice are rejected naming the frame. */
  @Property(tries = 20)
  void frameMisuseNamesTheFrame(@ForAll boolean closeFirst) {
    try (ArrowFixture arrow = new ArrowFixture()) {
      RecordBatchData source = RecordBatchData.allocate(arrow.allocator, "s");
      TrackedBatch batch = arrow.populate(source, 3, 1);
      ArrowOutputFrame frame = ArrowOutputFrame.of(arrow.allocator, "f", List.of(source));
      source.close();
      List<RecordBatchData> out = closeFirst ? List.of() : frame.extractRecordBatches();
      if (closeFirst) {
        frame.close();
      }
      assertThatThrownBy(frame::extractRecordBatches).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ArrowOutputFrame f is " + (closeFirst ? "CLOSED" : "EXTRACTED"));
      assertThatThrownBy(() -> ArrowOutputFrame.of(arrow.allocator, "g", List.of(source)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("s is CLOSED");
      out.forEach(RecordBatchData::close);
      frame.close();
      assertThat(arrow.releases(batch)).containsExactly(1, 1);
    }
  }

  /** Addresses of 0 are rejected before any memory is touched. */
  @Property(tries = 10)
  void zeroAddressIsRejected(@ForAll StructKind kind) {
    assertThatThrownBy(() -> kind.release(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NULL " + kind + " struct address");
    try (ArrowFixture arrow = new ArrowFixture()) {
      assertThatThrownBy(() -> arrow.ledger.track(kind, 0, "zero")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NULL " + kind + " struct address");
    }
  }

  /** Handles of two different root allocators move and import between each other, exactly once. */
  @Property(tries = 20)
  void foreignAllocatorsKeepExactlyOnce(@ForAll @IntRange(min = 1, max = 50) int rows) {
    try (ArrowFixture arrow = new ArrowFixture(); BufferAllocator foreign = new RootAllocator()) {
      RecordBatchData mine = RecordBatchData.allocate(arrow.allocator, "mine");
      RecordBatchData theirs = RecordBatchData.allocate(foreign, "theirs");
      TrackedBatch batch = arrow.populate(mine, rows, rows);
      theirs.moveAssign(mine);
      try (var imported = theirs.importBatch(foreign)) {
        assertThat(imported.root().getRowCount()).isEqualTo(rows);
      }
      assertThat(theirs.state()).isEqualTo(HandleState.EMPTY);
      mine.close();
      theirs.close();
      assertThat(arrow.releases(batch)).containsExactly(1, 1);
    }
  }
}
