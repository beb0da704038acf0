package dev.arrowownership.libraries.lance;

import com.lancedb.lance.Dataset;
import com.lancedb.lance.JniLoader;
import com.lancedb.lance.ipc.LanceScanner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;

/**
 * Lance's JNI library ({@code liblance_jni.so}, bundled in lance-core) and the two private native
 * methods that hand out raw C Data structs: the public API imports them into Arrow Java at once
 * ({@code LanceScanner.scanBatches}, {@code Dataset.getSchema}), so the tests call the natives
 * those wrap by reflection, to see Lance's own structs and release callbacks.
 */
final class LanceNatives {
  private static final Method OPEN_STREAM = privateNative(LanceScanner.class, "openStream");
  private static final Method EXPORT_SCHEMA = privateNative(Dataset.class, "importFfiSchema");

  private LanceNatives() {}

  /** Loads Lance's native library, or skips the calling test with the loader's error as the reason. */
  static void loadOrSkip() {
    try {
      JniLoader.ensureLoaded();
    } catch (Throwable t) { // an UnsatisfiedLinkError or the ExceptionInInitializerError around it
      Assumptions.abort("Lance's native library does not load here: " + t);
    }
  }

  /** Fills the released {@code ArrowArrayStream} at {@code address} with the scanner's stream ({@code LanceScanner#openStream}). */
  static void openStream(LanceScanner scanner, long address) throws Exception {
    invoke(OPEN_STREAM, scanner, address);
  }

  /** Fills the released {@code ArrowSchema} at {@code address} with the dataset's schema ({@code Dataset#importFfiSchema}). */
  static void exportSchema(Dataset dataset, long address) throws Exception {
    invoke(EXPORT_SCHEMA, dataset, address);
  }

  private static void invoke(Method method, Object target, long address) throws Exception {
    try {
      method.invoke(target, address);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Method privateNative(Class<?> owner, String name) {
    try {
      Method method = owner.getDeclaredMethod(name, long.class);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("lance-core changed: " + owner.getName() + "#" + name + "(long), the private"
          + " native that hands out a raw C Data struct, is gone; find its replacement and update LanceNatives", e);
    }
  }
}
