package dev.arrowownership.libraries.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A block Comet's decoder refuses: an exception naming the cause, and the caller's structs left as they
 * were (released, every byte unchanged), none half written, so the caller has nothing to release. The spec leaves a
 * failed export's output unspecified; the kit's producer failure rule asks for released or untouched.
 */
class CometRefusedBlockTest {
  private final RootAllocator allocator = new RootAllocator();

  /** Blocks the decoder refuses, each built from a valid one-column block, with the error Comet gives. */
  enum Refused {
    UNKNOWN_CODEC(valid -> replaceCodec(valid, "XXXX"), 1, "invalid compression codec"),
    NO_RECORD_BATCH(valid -> null, 1, "Failed to decode batch: empty IPC stream"),
    TRUNCATED(valid -> valid.limit(valid.limit() / 2), 1, "Failed to decode batch: truncated IPC metadata"),
    SHORTER_THAN_ITS_CODEC(valid -> valid.limit(2), 1, "Failed to decode batch: truncated compression codec"),
    MORE_COLUMNS_ASKED_THAN_DECODED(valid -> valid, 2, "Output column count mismatch: expected 2, got 1");

    final Function<ByteBuffer, ByteBuffer> damage;
    final int columnsAsked;
    final String error;

    Refused(Function<ByteBuffer, ByteBuffer> damage, int columnsAsked, String error) {
      this.damage = damage;
      this.columnsAsked = columnsAsked;
      this.error = error;
    }
  }

  @BeforeAll
  static void loadComet() {
    CometNative.loadOrSkip();
  }

  @AfterEach
  void close() {
    allocator.close(); // the leak check
  }

  /** A refused block throws naming the cause and leaves every struct it was given untouched. */
  @ParameterizedTest
  @EnumSource(Refused.class)
  void refusedBlockLeavesTheStructsUntouched(Refused refused) throws Exception {
    ByteBuffer block = refused == Refused.NO_RECORD_BATCH ? blockWithoutBatch() : refused.damage.apply(validBlock());
    try (ColumnStructs output = new ColumnStructs(allocator, refused.columnsAsked)) {
      long[] arrayAddresses = output.arrayAddresses();
      long[] schemaAddresses = output.schemaAddresses();
      List<byte[]> before = new ArrayList<>();
      for (int i = 0; i < refused.columnsAsked; i++) {
        before.add(StructKind.ARRAY.read(arrayAddresses[i]));
        before.add(StructKind.SCHEMA.read(schemaAddresses[i]));
      }

      Throwable thrown = catchThrowable(() -> CometNative.decodeShuffleBlock(block, arrayAddresses, schemaAddresses));

      assertThat(thrown).isInstanceOf(RuntimeException.class).hasMessageContaining(refused.error);
      for (int i = 0; i < refused.columnsAsked; i++) {
        assertThat(StructKind.ARRAY.read(arrayAddresses[i])).as("array %d", i).isEqualTo(before.get(2 * i));
        assertThat(StructKind.SCHEMA.read(schemaAddresses[i])).as("schema %d", i).isEqualTo(before.get(2 * i + 1));
        assertThat(StructKind.ARRAY.release(arrayAddresses[i])).isZero();
      }
    }
  }

  private ByteBuffer validBlock() throws Exception {
    return CometTargets.block(allocator, List.of("id"), 10);
  }

  private ByteBuffer blockWithoutBatch() throws Exception {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, 10, CometTargets.SEED)) {
      return ShuffleBlock.withoutBatch(new VectorSchemaRoot(List.of(batch.root().getVector("id"))));
    }
  }

  private static ByteBuffer replaceCodec(ByteBuffer block, String codec) {
    byte[] bytes = new byte[block.limit()];
    block.get(0, bytes);
    byte[] name = codec.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, bytes, 0, name.length);
    return ShuffleBlock.direct(bytes);
  }
}
