package dev.arrowownership.libraries.lance;

import static dev.arrowownership.cdata.StreamField.GET_LAST_ERROR;
import static dev.arrowownership.cdata.StreamField.GET_NEXT;
import static dev.arrowownership.cdata.StreamField.GET_SCHEMA;
import static dev.arrowownership.cdata.StreamField.PRIVATE_DATA;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;

/**
 * What a caller of Lance's {@code Dataset.create} must put between a stream and Lance so that the
 * process survives it: two things Lance 0.39.0 (arrow-rs 56.1) aborts the JVM on, both measured on
 * their own in {@link LanceAbortTest}. A NULL {@code get_last_error}, which the spec allows, becomes a
 * message; a batch the kit's C Data reader finds invalid is released here and {@code get_next} fails
 * with {@code EINVAL} instead. Everything else passes through: Lance still obtains and releases every
 * schema and valid array itself, and the stream's {@code release} stays the producer's.
 *
 * <p>To validate batches the guard reads the stream's schema once itself ({@link #install}); that
 * schema is one more result of the stream, released by {@link Guarded#close()}.
 */
final class CarefulStream {
  private static final int EINVAL = 22;
  /** What {@code get_last_error} says instead of NULL. */
  static final String NO_MESSAGE = "no message from the producer (get_last_error gave NULL)";
  /** Guarded streams by {@code private_data}, which a move (Lance's {@code from_raw}) keeps. */
  private static final Map<Long, Guarded> STREAMS = new ConcurrentHashMap<>();
  // Static, hence strongly reachable: C holds only the function pointers.
  private static final NativeCallbacks.Getter NEXT = CarefulStream::getNext;
  private static final NativeCallbacks.ErrorGetter LAST_ERROR = CarefulStream::lastError;

  private CarefulStream() {}

  /** Guards the live stream at {@code address} until the returned handle is closed. */
  static Guarded install(long address) {
    Guarded guarded = new Guarded(PRIVATE_DATA.get(address), GET_NEXT.get(address), GET_LAST_ERROR.get(address));
    int rc = Function.getFunction(new Pointer(GET_SCHEMA.get(address)))
        .invokeInt(new Object[] {new Pointer(address), guarded.schema});
    guarded.schemaRead = rc == 0 && StructKind.SCHEMA.isLive(Pointer.nativeValue(guarded.schema));
    STREAMS.put(guarded.privateData, guarded);
    GET_NEXT.set(address, NativeCallbacks.pointerOf(NEXT));
    GET_LAST_ERROR.set(address, NativeCallbacks.pointerOf(LAST_ERROR));
    return guarded;
  }

  private static int getNext(Pointer stream, Pointer out) {
    Guarded guarded = STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
    int rc = Function.getFunction(new Pointer(guarded.getNext)).invokeInt(new Object[] {stream, out});
    long array = Pointer.nativeValue(out);
    if (rc != 0 || !guarded.schemaRead || !StructKind.ARRAY.isLive(array)) {
      guarded.refusal = null;
      return rc;
    }
    try {
      CDataReader.read(array, Pointer.nativeValue(guarded.schema));
      guarded.refusal = null;
      return 0;
    } catch (IllegalArgumentException invalid) {
      ArrowArray.wrap(array).release();
      guarded.refusal = text("invalid batch refused before Lance read it: " + invalid.getMessage());
      return EINVAL;
    }
  }

  private static Pointer lastError(Pointer stream) {
    Guarded guarded = STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
    if (guarded.refusal != null) {
      return guarded.refusal;
    }
    Pointer message = guarded.getLastError == 0 ? null
        : Function.getFunction(new Pointer(guarded.getLastError)).invokePointer(new Object[] {stream});
    return message == null ? guarded.noMessage : message;
  }

  private static Memory text(String text) {
    Memory memory = new Memory(text.length() * 3L + 1);
    memory.setString(0, text, "UTF-8");
    return memory;
  }

  /** One guarded stream: the producer's callbacks, the schema read to validate batches, the last refusal. */
  static final class Guarded implements AutoCloseable {
    private final long privateData;
    private final long getNext;
    private final long getLastError;
    private final Memory schema = zeroed(StructKind.SCHEMA.size());
    private final Memory noMessage = text(NO_MESSAGE);
    private volatile boolean schemaRead;
    private volatile Memory refusal;

    private Guarded(long privateData, long getNext, long getLastError) {
      this.privateData = privateData;
      this.getNext = getNext;
      this.getLastError = getLastError;
    }

    /** Releases the schema the guard read, and forgets the stream. */
    @Override
    public void close() {
      if (StructKind.SCHEMA.isLive(Pointer.nativeValue(schema))) {
        ArrowSchema.wrap(Pointer.nativeValue(schema)).release();
      }
      STREAMS.remove(privateData);
    }

    private static Memory zeroed(long size) {
      Memory memory = new Memory(size);
      memory.clear();
      return memory;
    }
  }
}
