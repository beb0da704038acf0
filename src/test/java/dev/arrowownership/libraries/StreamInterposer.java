package dev.arrowownership.libraries;

import static dev.arrowownership.cdata.StreamField.GET_LAST_ERROR;
import static dev.arrowownership.cdata.StreamField.GET_NEXT;
import static dev.arrowownership.cdata.StreamField.GET_SCHEMA;
import static dev.arrowownership.cdata.StreamField.PRIVATE_DATA;
import static dev.arrowownership.cdata.StreamField.RELEASE;

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

/**
 * Interposes on a live {@code ArrowArrayStream}, whoever produced it: {@code get_schema} and {@code
 * get_next} hand every struct they yield to a {@link ReleaseLedger}, and {@code release} is counted
 * and forwarded once, so a double release of the stream is recorded instead of freeing twice.
 *
 * <p>Entries are keyed by the producer's {@code private_data}, which a move (bitwise copy) keeps.
 */
final class StreamInterposer {

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
    long release = RELEASE.get(address);
    long privateData = PRIVATE_DATA.get(address);
    if (release == 0 || privateData == 0) {
      throw new IllegalStateException(label + ": the stream at 0x" + Long.toHexString(address)
          + " is released or has no private_data (release=0x" + Long.toHexString(release) + ")");
    }
    TrackedStream stream = new TrackedStream(ledger, label, GET_SCHEMA.get(address),
        GET_NEXT.get(address), GET_LAST_ERROR.get(address), release);
    STREAMS.put(privateData, stream);
    GET_SCHEMA.set(address, NativeCallbacks.pointerOf(SCHEMA_CALLBACK));
    GET_NEXT.set(address, NativeCallbacks.pointerOf(NEXT_CALLBACK));
    GET_LAST_ERROR.set(address, NativeCallbacks.pointerOf(ERROR_CALLBACK));
    RELEASE.set(address, NativeCallbacks.pointerOf(RELEASE_CALLBACK));
    return stream;
  }

  private static int forward(Pointer stream, Pointer out, StructKind kind) {
    // Exceptions cannot cross into C: a failure is recorded and reported as EIO.
    try {
      TrackedStream tracked = STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
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
      TrackedStream tracked = STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
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
      TrackedStream tracked = STREAMS.get(PRIVATE_DATA.get(address));
      if (tracked.releaseCall() > 1) {
        RELEASE.set(address, 0); // a stale copy: refuse to free twice
        return;
      }
      RELEASE.set(address, tracked.release);
      Function.getFunction(new Pointer(tracked.release)).invoke(new Object[] {stream});
      boolean nulled = RELEASE.get(address) == 0;
      tracked.releaseNulled(nulled);
      if (!nulled) {
        RELEASE.set(address, 0); // recorded; now released, as the spec has it
      }
    } catch (Throwable t) {
      CALLBACK_FAILURES.add("stream release interposer failed: " + t);
    }
  }
}
