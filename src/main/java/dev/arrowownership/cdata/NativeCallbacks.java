package dev.arrowownership.cdata;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C Data Interface's function-pointer signatures as JNA callbacks, shared by every Java
 * implementation of them (the ledger's {@code release}, the kit's stream, the stream interposer).
 */
public final class NativeCallbacks {
  // Native consumers (DuckDB's workers) call back on their own threads: keep those attached to the
  // JVM between calls, as daemons, instead of detaching after each call, which JNA reports failing
  // ("could not detach thread") on such threads. JNA detaches them when they exit.
  private static final CallbackThreadInitializer STAY_ATTACHED =
      new CallbackThreadInitializer(true, false, "native-cdata-callback");

  private NativeCallbacks() {}

  /** {@code int get_schema(stream*, ArrowSchema*)} and {@code int get_next(stream*, ArrowArray*)}. */
  public interface Getter extends Callback {
    int invoke(Pointer stream, Pointer out);
  }

  /** {@code const char* get_last_error(stream*)}. */
  public interface ErrorGetter extends Callback {
    Pointer invoke(Pointer stream);
  }

  /** {@code void release(T*)} of an {@code ArrowSchema}, an {@code ArrowArray} or an {@code ArrowArrayStream}. */
  public interface Release extends Callback {
    void invoke(Pointer struct);
  }

  /**
   * The C function pointer that calls {@code callback}; a native thread that calls it stays attached
   * to the JVM. JNA does not keep callbacks alive: the caller keeps {@code callback} strongly
   * reachable for as long as C may call the pointer.
   */
  public static long pointerOf(Callback callback) {
    // Read by JNA when it first makes the pointer, so it is set before.
    Native.setCallbackThreadInitializer(callback, STAY_ATTACHED);
    return Pointer.nativeValue(CallbackReference.getFunctionPointer(callback));
  }
}
