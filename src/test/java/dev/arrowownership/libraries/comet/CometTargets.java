package dev.arrowownership.libraries.comet;

import com.sun.jna.Pointer;
import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.generate.GeneratedBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.comet.Native;
import org.apache.comet.NativeColumnarToRowInfo;

/** DataFusion Comet's native library in the roles the kit checks. */
final class CometTargets {
  /** The kit's generated batch's columns, one per kind of layout: ints with nulls, strings, struct, list, dictionary. */
  static final List<String> COLUMNS = List.of("id", "name", "point", "tags", "color");
  /** The seed of the generated batch every block is written from. */
  static final long SEED = 42;

  private CometTargets() {}

  /**
   * Comet's shuffle block decoder as a producer of one column: the kit's generated batch's {@code column}
   * ({@code rows} rows), written by Arrow Java as a one-column shuffle block, decoded by Comet into the
   * kit's array and schema at each call.
   */
  static CDataProducer columnProducer(BufferAllocator allocator, String column, int rows) throws IOException {
    ByteBuffer block = block(allocator, List.of(column), rows);
    return (array, schema) -> CometNative.decodeShuffleBlock(block, new long[] {array}, new long[] {schema});
  }

  /**
   * Comet's native columnar-to-row converter as a consumer: the kit's batch is one Spark struct column
   * ({@link SparkTypes#generatedBatch()}); {@code columnarToRowConvert} takes the array and schema (its
   * {@code from_ffi} import releases them before it returns) and writes Spark's UnsafeRows into a buffer
   * of the converter, which closing the result frees. Rows: the array's {@code length}, as Comet's own
   * caller passes the batch's row count.
   */
  static CDataConsumer rowConverter() {
    return (array, schema, allocator) -> {
      Native natives = CometNative.loadOrSkip();
      long converter = natives.columnarToRowInit(new byte[][] {SparkTypes.generatedBatch()}, 8192);
      try {
        NativeColumnarToRowInfo rows = natives.columnarToRowConvert(
            converter, new long[] {array}, new long[] {schema}, (int) new Pointer(array).getLong(0));
        return new ConvertedRows(natives, converter, rows);
      } catch (RuntimeException | Error e) {
        natives.columnarToRowClose(converter);
        throw e;
      }
    };
  }

  /** Rows Comet converted, in its converter's buffer: closing frees the converter. */
  record ConvertedRows(Native natives, long converter, NativeColumnarToRowInfo rows) implements AutoCloseable {
    @Override
    public void close() {
      natives.columnarToRowClose(converter);
    }
  }

  /** A shuffle block of the generated batch's {@code columns} ({@code rows} rows, dictionaries included). */
  static ByteBuffer block(BufferAllocator allocator, List<String> columns, int rows) throws IOException {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, SEED)) {
      // A root over vectors the batch owns: the batch closes them, so this view is never closed.
      VectorSchemaRoot view = new VectorSchemaRoot(columns.stream().map(batch.root()::getVector).toList());
      return ShuffleBlock.of(view, batch.dictionaries());
    }
  }
}
