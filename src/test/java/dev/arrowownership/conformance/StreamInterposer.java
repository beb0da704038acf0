package dev.arrowownership.conformance;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Interposes on a live {@code ArrowArrayStream}, whoever produced it: {@code get_schema} and {@code
 * get_next} hand every struct they yield to a {@link ReleaseLedger}, and {@code release} is counted
 * and forwarded once, so a double release of the stream is recorded instead of freeing twice.
 *
 * <p>Entries are keyed by the producer's {@code private_data}, which a move (bitwise copy) keeps.
 */
final class StreamInterposer {
  private static final int GET_SCHEMA = 0;
  private static final int GET_NEXT = 8;
  private static final int GET_LAST_ERROR = 16;
  private static final int RELEASE = 24;
  private static final int PRIVATE_DATA = 32;

  private static final Map<Long, TrackedStream> STREAMS = new ConcurrentHashMap<>();
  /** Failures inside the callbacks, which cannot throw into C; a test asserts this stays empty. */
  static final List<String> CALLBACK_FAILURES = Collections.synchronizedList(new ArrayList<>());
  // Static, hence strongly reachable: C holds only the function pointers.
  private static final NativeCallbacks.Getter SCHEMA_CALLBACK = (stream, out) -> forward(stream, out, StructKind.SCHEMA);
  private static final NativeCallbacks.Getter NEXT_CALLBACK = (stream, out) -> forward(stream, out, StructKind.ARRAY);
  private static final NativeCallbacks.ErrorGetter ERROR_CALLBACK = StreamInterposer::lastError;
  private static final NativeCallbacks.Release RELEASE_CALLBACK = StreamInterposer::onRelease;
  private static final int EIO = 5;
  /** What {@code get_last_error} says after an injected {@code get_next} failure (never freed). */
  static final String INJECTED_ERROR = "injected get_next failure";
  private static final Memory INJECTED_ERROR_TEXT = new Memory(INJECTED_ERROR.length() + 1);

  static {
    INJECTED_ERROR_TEXT.setString(0, INJECTED_ERROR, "US-ASCII");
  }

  private StreamInterposer() {}

  /**
   * Interposes on the live stream at {@code address}; the structs it yields are tracked in {@code
   * ledger} with their children and dictionaries, labelled {@code label.schema0}, {@code
   * label.batch0}, {@code label.batch1}, ...
   *
   * @throws IllegalStateException if the stream is released or has no {@code private_data}
   */
  static TrackedStream install(ReleaseLedger ledger, long address, String label) {
    long release = MemoryUtil.getLong(address + RELEASE);
    long privateData = MemoryUtil.getLong(address + PRIVATE_DATA);
    if (release == 0 || privateData == 0) {
      throw new IllegalStateException(label + ": the stream at 0x" + Long.toHexString(address)
          + " is released or has no private_data (release=0x" + Long.toHexString(release) + ")");
    }
    TrackedStream stream = new TrackedStream(ledger, label, MemoryUtil.getLong(address + GET_SCHEMA),
        MemoryUtil.getLong(address + GET_NEXT), MemoryUtil.getLong(address + GET_LAST_ERROR), release);
    STREAMS.put(privateData, stream);
    MemoryUtil.putLong(address + GET_SCHEMA, NativeCallbacks.pointerOf(SCHEMA_CALLBACK));
    MemoryUtil.putLong(address + GET_NEXT, NativeCallbacks.pointerOf(NEXT_CALLBACK));
    MemoryUtil.putLong(address + GET_LAST_ERROR, NativeCallbacks.pointerOf(ERROR_CALLBACK));
    MemoryUtil.putLong(address + RELEASE, NativeCallbacks.pointerOf(RELEASE_CALLBACK));
    return stream;
  }

  private static int forward(Pointer stream, Pointer out, StructKind kind) {
    // Exceptions cannot cross into C: a failure is recorded and reported as EIO.
    try {
      TrackedStream tracked = STREAMS.get(MemoryUtil.getLong(Pointer.nativeValue(stream) + PRIVATE_DATA));
      if (kind == StructKind.ARRAY && tracked.injectsFailureNow()) {
        return EIO;
      }
      long original = kind == StructKind.ARRAY ? tracked.getNext : tracked.getSchema;
      int rc = Function.getFunction(new Pointer(original)).invokeInt(new Object[] {stream, out});
      long outAddress = Pointer.nativeValue(out);
      if (rc == 0 && kind.isLive(outAddress)) {
        tracked.yielded(kind, outAddress);
      }
      return rc;
    } catch (Throwable t) {
      CALLBACK_FAILURES.add("stream callback failed: " + t);
      return EIO;
    }
  }

  private static Pointer lastError(Pointer stream) {
    try {
      TrackedStream tracked = STREAMS.get(MemoryUtil.getLong(Pointer.nativeValue(stream) + PRIVATE_DATA));
      if (tracked.injectedFailure()) {
        return INJECTED_ERROR_TEXT;
      }
      return tracked.getLastError == 0 ? null
          : Function.getFunction(new Pointer(tracked.getLastError)).invokePointer(new Object[] {stream});
    } catch (Throwable t) {
      CALLBACK_FAILURES.add("stream get_last_error interposer failed: " + t);
      return INJECTED_ERROR_TEXT; // never NULL after a failure: some consumers print it unchecked
    }
  }

  private static void onRelease(Pointer stream) {
    try {
      long address = Pointer.nativeValue(stream);
      TrackedStream tracked = STREAMS.get(MemoryUtil.getLong(address + PRIVATE_DATA));
      if (tracked.releaseCall() > 1) {
        MemoryUtil.putLong(address + RELEASE, 0); // a stale copy: refuse to free twice
        return;
      }
      MemoryUtil.putLong(address + RELEASE, tracked.release);
      Function.getFunction(new Pointer(tracked.release)).invoke(new Object[] {stream});
      boolean nulled = MemoryUtil.getLong(address + RELEASE) == 0;
      tracked.releaseNulled(nulled);
      if (!nulled) {
        MemoryUtil.putLong(address + RELEASE, 0); // recorded; now released, as the spec has it
      }
    } catch (Throwable t) {
      CALLBACK_FAILURES.add("stream release interposer failed: " + t);
    }
  }
}
