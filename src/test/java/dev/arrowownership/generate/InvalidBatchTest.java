package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit's invalid batches: each is what its description says, the kit's own reader refuses it at
 * that field, and the batch still releases once with everything freed (the producer's release works).
 */
class InvalidBatchTest {

  /** The kit's reader refuses each invalid batch, naming the broken field. */
  @ParameterizedTest
  @EnumSource(InvalidBatch.class)
  void readerRefusesEachAtItsField(InvalidBatch invalid) {
    String[] refusal = {
      "schema.children[0].format: unknown format '?kit'",
      "array.children[0]: n_buffers is 1, format 'i' (int32) needs 2",
      "array: length is -1, must be >= 0",
      "array.children[1]: is released (release is NULL)"};
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs structs = KitBatches.exportInvalid(allocator, ledger, "bad", 1, invalid)) {
      assertThatThrownBy(() -> CDataReader.read(structs.arrayAddress(), structs.schemaAddress()))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(refusal[invalid.ordinal()]);
      structs.releaseLive();
      assertThat(structs.bases()).allSatisfy(base -> assertThat(ledger.releaseCount(base)).isEqualTo(1));
      ledger.verifyExactlyOnce();
    }
  }

  /** Only the described field changes: the value written, and the struct kind it is in. */
  @Test
  void eachWritesWhatItDescribes() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs format = KitBatches.exportInvalid(allocator, ledger, "f", 1, InvalidBatch.UNKNOWN_FORMAT);
        KitStructs buffers = KitBatches.exportInvalid(allocator, ledger, "b", 1, InvalidBatch.WRONG_BUFFER_COUNT);
        KitStructs length = KitBatches.exportInvalid(allocator, ledger, "l", 1, InvalidBatch.NEGATIVE_LENGTH);
        KitStructs child = KitBatches.exportInvalid(allocator, ledger, "c", 1, InvalidBatch.RELEASED_CHILD)) {
      assertThat(MemoryUtil.getByte(MemoryUtil.getLong(StructKind.SCHEMA.child(format.schemaAddress(), 0)))).isEqualTo((byte) '?');
      assertThat(MemoryUtil.getLong(StructKind.ARRAY.child(buffers.arrayAddress(), 0) + 24)).isEqualTo(1);
      assertThat(MemoryUtil.getLong(StructKind.ARRAY.child(buffers.arrayAddress(), 1) + 24)).isEqualTo(3); // name: untouched
      assertThat(MemoryUtil.getLong(length.arrayAddress())).isEqualTo(-1);
      assertThat(StructKind.ARRAY.isLive(StructKind.ARRAY.child(child.arrayAddress(), 1))).isFalse();
      assertThat(StructKind.ARRAY.isLive(StructKind.ARRAY.child(child.arrayAddress(), 0))).isTrue();
      // The released child is not tracked: the ledger interposes on live structs only.
      assertThat(child.descendants()).filteredOn(s -> s.kind() == StructKind.ARRAY).extracting(TrackedStruct::label)
          .doesNotContain("c.children[1]").contains("c.children[0]", "c.children[2]");
      assertThat(InvalidBatch.UNKNOWN_FORMAT.kind()).isEqualTo(StructKind.SCHEMA);
      assertThat(InvalidBatch.NEGATIVE_LENGTH.kind()).isEqualTo(StructKind.ARRAY);
      assertThat(InvalidBatch.NEGATIVE_LENGTH).hasToString("negative_length");
      assertThat(InvalidBatch.NEGATIVE_LENGTH.description()).isEqualTo("array.length is -1");
      for (KitStructs structs : new KitStructs[] {format, buffers, length, child}) {
        structs.releaseLive();
      }
    }
  }

  /**
   * The child a released-child batch moved out stays live (its buffers readable) until the kit's
   * releaseLive, which releases it; closing frees its struct, and nothing stays allocated.
   */
  @Test
  void movedOutChildIsReleasedWithTheBatch() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger()) {
      KitStructs structs = KitBatches.exportInvalid(allocator, ledger, "c", 1, InvalidBatch.RELEASED_CHILD);
      long bytesWithTheChild = allocator.getAllocatedMemory();
      structs.array().release();
      structs.schema().release();
      assertThat(allocator.getAllocatedMemory()).as("the moved-out child still holds its buffers")
          .isLessThan(bytesWithTheChild).isGreaterThan(2 * 128);
      structs.releaseLive();
      structs.close();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  /** Breaking a released struct is refused, naming the fault, the kind and the address. */
  @Test
  void releasedStructIsRefused() {
    try (RootAllocator allocator = new RootAllocator(); KitStructs structs = new KitStructs(allocator)) {
      assertThatThrownBy(() -> InvalidBatch.NEGATIVE_LENGTH.breakStruct(structs.arrayAddress(), allocator))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("negative_length: the ARRAY at 0x" + Long.toHexString(structs.arrayAddress())
              + " is released; only a live struct can be broken");
      assertThatThrownBy(() -> structs.broken(InvalidBatch.UNKNOWN_FORMAT)).hasMessageContaining("the SCHEMA at 0x");
    }
  }
}
