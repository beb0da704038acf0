package dev.arrowownership.libraries.comet;

import java.nio.ByteBuffer;
import org.apache.comet.Native;
import org.junit.jupiter.api.Assumptions;

/**
 * DataFusion Comet's JNI entry points ({@code org.apache.comet.Native}, public natives of {@code
 * libcomet.so}) that pass Arrow C Data without Spark. Comet's static initialiser unpacks and loads the
 * native library, then fails to configure its logging through Spark's classes (a {@code
 * NoClassDefFoundError} it logs and keeps); the natives used here do not need that configuration.
 */
final class CometNative {
  private static Native natives;

  private CometNative() {}

  /**
   * Comet's natives, loaded once, or the calling test skipped, naming the loader's error, when {@code
   * libcomet.so} does not load on this platform.
   */
  static synchronized Native loadOrSkip() {
    if (natives == null) {
      try {
        natives = new Native();
      } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError | IllegalStateException e) {
        Assumptions.abort("DataFusion Comet's native library does not load here: " + e);
      }
    }
    return natives;
  }

  /**
   * Decodes a shuffle block (a 4-byte codec name, then an Arrow IPC stream) into one {@code ArrowArray}
   * and {@code ArrowSchema} per column, written at the given addresses (Comet's {@code move_to_spark}
   * overwrites them without reading them); returns the row count.
   */
  static long decodeShuffleBlock(ByteBuffer block, long[] arrays, long[] schemas) {
    if (!block.isDirect()) {
      throw new IllegalArgumentException("Comet reads the shuffle block through its address: it must be a direct buffer");
    }
    return loadOrSkip().decodeShuffleBlock(block, block.limit(), arrays, schemas, false);
  }
}
