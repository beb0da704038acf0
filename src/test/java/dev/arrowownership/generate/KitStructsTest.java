package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.ledger.ReleaseLedger;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The kit's pair of base structs: tracking only what a producer left live. */
class KitStructsTest {
  /** A record batch of one int32 column: two base structs, each with one child. */
  private static final LayoutBatch BATCH = new LayoutBatch(
      LayoutFormats.recordBatch(List.of(ArrowLayout.leaf("i", "id"))), new BatchShape(3, 0, BatchShape.Nulls.SOME, 1));

  @Test
  void trackLiveTracksBothTreesWhenBothAreLive() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = new KitStructs(allocator)) {
      NativeLayoutWriter.write(BATCH, allocator, structs.arrayAddress(), structs.schemaAddress());

      assertThat(structs.trackLive(ledger, "b")).isEqualTo(2);
      assertThat(structs.bases()).hasSize(2);
      assertThat(structs.descendants()).hasSize(2); // the column's array and schema
      assertThat(ledger.unreleased()).hasSize(4);
      structs.releaseLive();
      assertThat(ledger.violations()).isEmpty();
      assertThat(ledger.unreleased()).isEmpty();
    }
  }

  @Test
  void trackLiveSkipsAReleasedBase() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = new KitStructs(allocator)) {
      NativeLayoutWriter.write(BATCH, allocator, structs.arrayAddress(), structs.schemaAddress());
      ArrowSchema.wrap(structs.schemaAddress()).release();

      assertThat(structs.trackLive(ledger, "b")).isEqualTo(1);
      assertThat(ledger.unreleased()).hasSize(2); // the array and its child only
      structs.releaseLive();
      assertThat(ledger.violations()).isEmpty();
      assertThat(ledger.unreleased()).isEmpty();
    }
  }

  @Test
  void trackLiveOfNothingLiveTracksNothing() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = new KitStructs(allocator)) {
      NativeLayoutWriter.write(BATCH, allocator, structs.arrayAddress(), structs.schemaAddress());
      ArrowArray.wrap(structs.arrayAddress()).release();
      ArrowSchema.wrap(structs.schemaAddress()).release();

      assertThat(structs.trackLive(ledger, "b")).isZero();
      assertThat(ledger.unreleased()).isEmpty();
    }
  }
}
