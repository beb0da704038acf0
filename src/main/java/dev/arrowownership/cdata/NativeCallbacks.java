package dev.arrowownership.cdata;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;

/**
 * The C Data Interface's function-pointer signatures as JNA callbacks, shared by every Java
 * implementation of them (the ledger's {@code release}, the kit's stream, the stream interposer).
 */
public final class NativeCallbacks {
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
   * The C function pointer that calls {@code callback}. JNA does not keep callbacks alive: the
   * caller keeps {@code callback} strongly reachable for as long as C may call the pointer.
   */
  public static long pointerOf(Callback callback) {
    return Pointer.nativeValue(CallbackReference.getFunctionPointer(callback));
  }
}
