package dev.arrowownership.libraries.vortex;

import dev.vortex.api.DataSource;
import dev.vortex.api.Partition;
import dev.vortex.api.Scan;
import dev.vortex.jni.NativeLoader;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Vortex's JNI library ({@code libvortex_jni.so}, bundled in vortex-jni) and the native handles its
 * public classes keep private. Its C Data entry points are public static natives ({@code NativeWriter},
 * {@code NativePartition}, {@code NativeDataSource}, {@code NativeScan}), but they take the handle of a
 * data source, scan or partition, which only the private field {@code pointer} of {@link DataSource},
 * {@link Scan} and {@link Partition} holds: read by reflection (and {@code Partition.consumed}, set
 * when the partition is handed over).
 */
final class VortexNatives {
  private static final Field DATA_SOURCE = pointerOf(DataSource.class);
  private static final Field SCAN = pointerOf(Scan.class);
  private static final Field PARTITION = pointerOf(Partition.class);
  private static final Field PARTITION_CONSUMED = field(Partition.class, "consumed", AtomicBoolean.class);

  private VortexNatives() {}

  /** Loads Vortex's native library, or skips the calling test with the loader's error as the reason. */
  static void loadOrSkip() {
    try {
      NativeLoader.loadJni();
    } catch (Throwable t) { // an UnsatisfiedLinkError, or the loader's own exception
      Assumptions.abort("Vortex's native library does not load here: " + t);
    }
  }

  /** The native handle of {@code source}. */
  static long pointer(DataSource source) {
    return read(DATA_SOURCE, source);
  }

  /** The native handle of {@code scan}. */
  static long pointer(Scan scan) {
    return read(SCAN, scan);
  }

  /**
   * The native handle of {@code partition}, for {@code NativePartition.scanArrow}, which takes the
   * partition over: marks it consumed first, as {@code Partition.scanArrow} does, so its cleaner does not
   * free it again.
   *
   * @throws IllegalStateException if the partition was consumed already
   */
  static long consume(Partition partition) {
    try {
      if (!((AtomicBoolean) PARTITION_CONSUMED.get(partition)).compareAndSet(false, true)) {
        throw new IllegalStateException("partition " + partition + " was consumed already");
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + PARTITION_CONSUMED, e);
    }
    return read(PARTITION, partition);
  }

  private static long read(Field field, Object owner) {
    try {
      return field.getLong(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  private static Field pointerOf(Class<?> owner) {
    return field(owner, "pointer", long.class);
  }

  private static Field field(Class<?> owner, String name, Class<?> type) {
    try {
      Field field = owner.getDeclaredField(name);
      if (field.getType() != type) {
        throw new NoSuchFieldException(name + " is a " + field.getType() + ", not a " + type);
      }
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("vortex-jni changed: the private field " + owner.getName() + "#" + name
          + " (" + type.getSimpleName() + "), which the tests read to reach a native handle, is gone; update VortexNatives", e);
    }
  }
}
