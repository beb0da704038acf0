package dev.arrowownership.libraries.comet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * A Comet shuffle block as its decoder reads it ({@code read_ipc_compressed}, datafusion-comet {@code
 * native/shuffle/src/ipc.rs}): the codec's 4-byte name, here {@code NONE}, then an Arrow IPC stream whose
 * first record batch is decoded.
 */
final class ShuffleBlock {
  private static final byte[] UNCOMPRESSED = "NONE".getBytes(StandardCharsets.US_ASCII);

  private ShuffleBlock() {}

  /** An uncompressed block whose IPC stream has {@code root}'s schema and no record batch. */
  static ByteBuffer withoutBatch(VectorSchemaRoot root) throws IOException {
    return write(root, new DictionaryProvider.MapDictionaryProvider(), false);
  }

  /** {@code root} (and the dictionaries its columns refer to) as one uncompressed block in a direct buffer. */
  static ByteBuffer of(VectorSchemaRoot root, DictionaryProvider dictionaries) throws IOException {
    return write(root, dictionaries, true);
  }

  /** {@code bytes} in a direct buffer, as Comet reads a block. */
  static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  private static ByteBuffer write(VectorSchemaRoot root, DictionaryProvider dictionaries, boolean withBatch)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(UNCOMPRESSED);
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, dictionaries, Channels.newChannel(bytes))) {
      writer.start();
      if (withBatch) {
        writer.writeBatch();
      }
      writer.end();
    }
    return direct(bytes.toByteArray());
  }
}
