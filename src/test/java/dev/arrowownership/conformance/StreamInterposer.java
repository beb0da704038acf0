package dev.arrowownership.conformance;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Interposes on a live {@code ArrowArrayStream}, whoever produced it: {@code get_schema} and {@code
 * get_next} hand every struct they yield to a {@link ReleaseLedger}, and {@code release} is counted
 * and forwarded once, so a double release of the stream is recorded instead of freeing twice.
 *
 * <p>Entries are keyed by the producer's {@code private_data}, which a move (bitwise copy) keeps.
 */
final class StreamInterposer {
  /** {@code int get_schema(stream*, ArrowSchema*)} and {@code int get_next(stream*, ArrowArray*)}. */
  interface Getter extends Callback {
    int invoke(Pointer stream, Pointer out);
  }

  /** {@code void release(stream*)}. */
  interface Release extends Callback {
    void invoke(Pointer stream);
  }

  private static final int GET_SCHEMA = 0;
  private static final int GET_NEXT = 8;
  private static final int RELEASE = 24;
  private static final int PRIVATE_DATA = 32;

  private static final Map<Long, TrackedStream> STREAMS = new ConcurrentHashMap<>();
  /** Failures inside the callbacks, which cannot throw into C; a test asserts this stays empty. */
  static final List<String> CALLBACK_FAILURES = Collections.synchronizedList(new ArrayList<>());
  // Static, hence strongly reachable: C holds only the function pointers.
  private static final Getter SCHEMA_CALLBACK = (stream, out) -> forward(stream, out, StructKind.SCHEMA);
  private static final Getter NEXT_CALLBACK = (stream, out) -> forward(stream, out, StructKind.ARRAY);
  private static final Release RELEASE_CALLBACK = StreamInterposer::onRelease;

  static {
    // Native consumers call back on their own worker threads: keep those attached to the JVM
    // between calls instead of detaching after each (which JNA reports failing on some threads).
    for (Callback callback : List.of(SCHEMA_CALLBACK, NEXT_CALLBACK, RELEASE_CALLBACK)) {
      Native.setCallbackThreadInitializer(callback, new CallbackThreadInitializer(true, false, "native-stream-callback"));
    }
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
        MemoryUtil.getLong(address + GET_NEXT), release);
    STREAMS.put(privateData, stream);
    MemoryUtil.putLong(address + GET_SCHEMA, pointerOf(SCHEMA_CALLBACK));
    MemoryUtil.putLong(address + GET_NEXT, pointerOf(NEXT_CALLBACK));
    MemoryUtil.putLong(address + RELEASE, pointerOf(RELEASE_CALLBACK));
    return stream;
  }

  private static int forward(Pointer stream, Pointer out, StructKind kind) {
    // Exceptions cannot cross into C: a failure is recorded and reported as EIO.
    try {
      TrackedStream tracked = STREAMS.get(MemoryUtil.getLong(Pointer.nativeValue(stream) + PRIVATE_DATA));
      long original = kind == StructKind.ARRAY ? tracked.getNext : tracked.getSchema;
      int rc = Function.getFunction(new Pointer(original)).invokeInt(new Object[] {stream, out});
      long outAddress = Pointer.nativeValue(out);
      if (rc == 0 && kind.isLive(outAddress)) {
        tracked.yielded(kind, outAddress);
      }
      return rc;
    } catch (Throwable t) {
      CALLBACK_FAILURES.add("stream callback failed: " + t);
      return 5; // EIO
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

  private static long pointerOf(Callback callback) {
    return Pointer.nativeValue(CallbackReference.getFunctionPointer(callback));
  }

  /** One interposed stream: its release calls and the structs it yielded. */
  static final class TrackedStream {
    private final ReleaseLedger ledger;
    private final String label;
    private final long getSchema;
    private final long getNext;
    private final long release;
    private final List<List<TrackedStruct>> batches = new ArrayList<>(); // trees; guarded by this
    private final List<List<TrackedStruct>> schemas = new ArrayList<>(); // trees; guarded by this
    private final List<ArrowArray.Snapshot> saved = new ArrayList<>(); // each batch as yielded; guarded by this
    private int releaseCalls; // guarded by this
    private Boolean releaseNulled; // guarded by this

    private TrackedStream(ReleaseLedger ledger, String label, long getSchema, long getNext, long release) {
      this.ledger = ledger;
      this.label = label;
      this.getSchema = getSchema;
      this.getNext = getNext;
      this.release = release;
    }

    // The whole tree, so that a consumer releasing a child itself is reported, not forwarded.
    private synchronized void yielded(StructKind kind, long address) {
      List<List<TrackedStruct>> into = kind == StructKind.ARRAY ? batches : schemas;
      String name = label + (kind == StructKind.ARRAY ? ".batch" : ".schema") + into.size();
      into.add(ledger.trackTree(kind, address, name));
      if (kind == StructKind.ARRAY) {
        saved.add(ArrowArray.wrap(address).snapshot());
      }
    }

    /**
     * Releases, through a saved bitwise copy written into {@code scratch}, every yielded array whose
     * release was never called: the cleanup after a consumer observed to lose batches.
     *
     * @return how many it released
     */
    synchronized int releaseLostBatches(StructMemory scratch) {
      int released = 0;
      for (int i = 0; i < batches.size(); i++) {
        if (ledger.releaseCount(batches.get(i).get(0)) == 0) {
          LeakRescue.releaseThroughCopy(saved.get(i), scratch.array());
          released++;
        }
      }
      return released;
    }

    private synchronized int releaseCall() {
      return ++releaseCalls;
    }

    private synchronized void releaseNulled(boolean nulled) {
      releaseNulled = nulled;
    }

    /** Every array {@code get_next} yielded (the base structs), in order. */
    synchronized List<TrackedStruct> batches() {
      return batches.stream().map(tree -> tree.get(0)).toList();
    }

    /** Every schema {@code get_schema} yielded (the base structs), in order. */
    synchronized List<TrackedStruct> schemas() {
      return schemas.stream().map(tree -> tree.get(0)).toList();
    }

    /** The children and dictionaries, at any depth, of every array {@code get_next} yielded. */
    synchronized List<TrackedStruct> batchDescendants() {
      return batches.stream().flatMap(tree -> tree.subList(1, tree.size()).stream()).toList();
    }

    /** The children and dictionaries, at any depth, of every schema {@code get_schema} yielded. */
    synchronized List<TrackedStruct> schemaDescendants() {
      return schemas.stream().flatMap(tree -> tree.subList(1, tree.size()).stream()).toList();
    }

    /** How many times the stream's {@code release} was called. */
    synchronized int releaseCalls() {
      return releaseCalls;
    }

    /** Whether the producer's release set {@code release} to NULL; null until it ran. */
    synchronized Boolean releaseNulled() {
      return releaseNulled;
    }
  }
}
