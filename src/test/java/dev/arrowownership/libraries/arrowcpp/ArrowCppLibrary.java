package dev.arrowownership.libraries.arrowcpp;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.LongSupplier;
import org.apache.arrow.dataset.jni.JniLoader;
import org.apache.arrow.dataset.jni.NativeScanner;
import org.junit.jupiter.api.Assumptions;

/**
 * Arrow C++ as {@code org.apache.arrow:arrow-dataset} 18.3.0 bundles it ({@code libarrow_dataset_jni}),
 * and the entry points that hand out its raw C Data structs: two of them are not public, so they are
 * reached by reflection, and a version that changes them fails naming the member.
 */
final class ArrowCppLibrary {
  /** The version the reflection below was read from (arrow-java tag {@code v18.3.0}). */
  static final String VERSION = "arrow-dataset 18.3.0";
  private static final String SUBSTRAIT_JNI = "org.apache.arrow.dataset.substrait.JniWrapper";

  private ArrowCppLibrary() {}

  /** Loads the native library, or skips the calling test with the loader's error as the reason. */
  static void loadOrSkip() {
    try {
      JniLoader.get().ensureLoaded();
    } catch (UnsatisfiedLinkError | IllegalStateException | ExceptionInInitializerError | NoClassDefFoundError e) {
      Assumptions.abort("Arrow C++ (libarrow_dataset_jni) does not load here: " + e);
    }
  }

  /**
   * A memory pool's bytes once two reads 50 ms apart agree, or the last read after 2 s: Arrow C++
   * frees on its worker threads (a writer's or scanner's read-ahead), so a read right after a call
   * returned may still count what is about to be freed.
   */
  static long settled(LongSupplier poolBytes) {
    long last = poolBytes.getAsLong();
    for (int i = 0; i < 40; i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Arrow C++'s pool settled", e);
      }
      long now = poolBytes.getAsLong();
      if (now == last) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /**
   * The native scanner's id, the handle {@code JniWrapper.nextRecordBatch(scannerId, arrayAddress)}
   * takes; Arrow Java keeps it in the private field {@code NativeScanner.scannerId} and only hands
   * out batches it imported itself.
   */
  static long scannerId(NativeScanner scanner) {
    try {
      Field id = NativeScanner.class.getDeclaredField("scannerId");
      id.setAccessible(true);
      return id.getLong(scanner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(VERSION + ": the private field long NativeScanner.scannerId is gone or"
          + " changed; the array producer cannot be reached: " + e, e);
    }
  }

  /**
   * Runs a Substrait plan (JSON) through Acero and has Arrow C++ export the result into the {@code
   * ArrowArrayStream} at {@code outStream}: the package-private {@code
   * substrait.JniWrapper.executeSerializedPlan(String, String[], long)}. {@code namedTables} holds
   * pairs of a table name and the decimal address of an {@code ArrowArrayStream} Arrow C++ imports.
   *
   * @throws RuntimeException what the native side threw (Arrow C++'s error as its message)
   */
  static void executeSerializedPlan(String planJson, String[] namedTables, long outStream) {
    Method execute = substraitMethod("executeSerializedPlan", String.class, String[].class, long.class);
    Object wrapper = invoke(substraitMethod("get"), null);
    invoke(execute, wrapper, planJson, namedTables, outStream);
  }

  private static Method substraitMethod(String name, Class<?>... parameters) {
    try {
      Method method = Class.forName(SUBSTRAIT_JNI).getDeclaredMethod(name, parameters);
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(VERSION + ": the package-private " + SUBSTRAIT_JNI + "." + name
          + " is gone or changed; the stream producer cannot be reached: " + e, e);
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(VERSION + ": cannot call " + method + ": " + e, e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(method.getName() + " failed: " + e.getCause(), e.getCause());
    }
  }
}
