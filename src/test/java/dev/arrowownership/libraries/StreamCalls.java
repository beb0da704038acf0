package dev.arrowownership.libraries;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StreamField;

/**
 * Calls an {@code ArrowArrayStream}'s callbacks as C would, returning their raw results (Arrow Java's
 * {@code ArrowArrayStream.getNext} turns them into an exception), for tests that check error codes and
 * the lifetime of {@code get_last_error}'s message.
 */
public final class StreamCalls {
  private StreamCalls() {}

  /** Calls {@code get_schema} or {@code get_next} of the stream at {@code stream} with {@code out}; returns its code. */
  public static int call(StreamField callback, long stream, long out) {
    return Function.getFunction(new Pointer(callback.get(stream)))
        .invokeInt(new Object[] {new Pointer(stream), new Pointer(out)});
  }

  /** Calls {@code get_last_error} of the stream at {@code stream}; returns the message's address (null for NULL). */
  public static Pointer lastError(long stream) {
    return Function.getFunction(new Pointer(StreamField.GET_LAST_ERROR.get(stream)))
        .invokePointer(new Object[] {new Pointer(stream)});
  }
}
