package dev.arrowownership.generate;

import static dev.arrowownership.cdata.StreamField.PRIVATE_DATA;
import static dev.arrowownership.cdata.StreamField.RELEASE;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An {@code ArrowArrayStream} the kit implements itself (JNA callbacks), yielding generated batches
 * as its {@link StreamPlan} says, failures included, and counting its own {@code release} calls.
 * {@code private_data} is a token, so the stream may be moved. Its callbacks read and write the
 * struct through {@link dev.arrowownership.cdata.StreamField}.
 *
 * <p>Who tracks what it yields depends on whose rules it serves, and is always one party, since a
 * struct can be interposed on by one ledger only. Handed to a stream consumer under test (the
 * constructors), the stream is the kit's and so is its ledger: every schema and array it hands out
 * is tracked there. Exported as a producer's stream ({@link #export}), it tracks nothing: the
 * consumer reading it, such as the stream-producer rules, tracks every result with its own ledger.
 */
public final class KitStream implements AutoCloseable {
  private static final int EIO = 5;
  private static final int EINVAL = 22;
  private static final Map<Long, KitStream> STREAMS = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong(0x5EA0_0000_0000_0000L);
  // What get_last_error returns for a closed stream: static, so the C string outlives every call.
  private static final Memory CLOSED = cString("the kit's stream was closed (KitStream.close) before this call:"
      + " it has no schema or batch to give");
  // Static, hence strongly reachable: C holds only the pointers. Each callback looks its stream up
  // once: a stream closed between two look-ups would hand JNA an exception, and the consumer a 0
  // with nothing written. Exceptions cannot cross into C: a closed stream gets EINVAL and a last error.
  private static final NativeCallbacks.Getter GET_SCHEMA_FN = (s, out) -> {
    KitStream stream = of(s);
    return stream == null ? EINVAL : stream.getSchema(out);
  };
  private static final NativeCallbacks.Getter GET_NEXT_FN = (s, out) -> {
    KitStream stream = of(s);
    return stream == null ? EINVAL : stream.getNext(out);
  };
  // A live stream's failures have the plan's message, or none (NULL: the consumer reports strerror(EIO)).
  private static final NativeCallbacks.ErrorGetter GET_LAST_ERROR_FN = s -> {
    KitStream stream = of(s);
    return stream == null ? CLOSED : stream.lastError();
  };
  private static final NativeCallbacks.Release RELEASE_FN = s -> {
    KitStream stream = of(s);
    if (stream != null) {
      stream.releaseCalls.incrementAndGet();
      if (stream.ledger == null) {
        stream.close(); // an exported stream frees what it holds, as a producer's release does
      }
    }
    RELEASE.set(Pointer.nativeValue(s), 0);
  };

  private final BufferAllocator allocator;
  private final ReleaseLedger ledger; // null when exported: the stream's consumer tracks what it yields
  private final StreamPlan plan;
  private final BatchSource source;
  private final Memory lastError; // null: get_last_error returns NULL
  private final ArrowArrayStream struct;
  private final long token = TOKENS.incrementAndGet();
  private final List<TrackedStruct> results = new ArrayList<>(); // guarded by this
  private final List<TrackedStruct> filledOnError = new ArrayList<>(); // guarded by this
  private final List<ArrowArray> copiesOfFilled = new ArrayList<>(); // guarded by this; by filledOnError's index
  private final List<ArrowArray> movedOut = new ArrayList<>(); // guarded by this
  private final AtomicInteger releaseCalls = new AtomicInteger();
  private int calls; // get_next calls so far; guarded by this
  private boolean lastCallFailed; // guarded by this
  private int lastErrorQueriesAfterSuccess; // guarded by this

  /** A live stream of {@code batches} generated batches, in a struct the kit allocates. */
  public KitStream(BufferAllocator allocator, ReleaseLedger ledger, int batches) {
    this(allocator, ledger, StreamPlan.batches(batches));
  }

  /** A live stream that behaves as {@code plan} says, in a struct the kit allocates. */
  public KitStream(BufferAllocator allocator, ReleaseLedger ledger, StreamPlan plan) {
    this(allocator, ledger, plan, KitBatches.ARROW_JAVA);
  }

  /** A live stream that behaves as {@code plan} says, its schema and batches from {@code source}. */
  public KitStream(BufferAllocator allocator, ReleaseLedger ledger, StreamPlan plan, BatchSource source) {
    this(Objects.requireNonNull(ledger, "ledger"), allocator, plan, source, ArrowArrayStream.allocateNew(allocator));
  }

  /** The stream, in {@code struct}; {@code ledger} null for one {@link #export}ed. */
  private KitStream(ReleaseLedger ledger, BufferAllocator allocator, StreamPlan plan, BatchSource source,
      ArrowArrayStream struct) {
    this.allocator = allocator;
    this.ledger = ledger;
    this.plan = plan;
    this.source = source;
    this.lastError = plan.lastError() == null ? null : cString(plan.lastError());
    this.struct = struct;
    STREAMS.put(token, this);
    // All five fields in one write: allocateNew leaves every field but release uninitialized (and an
    // exported stream's struct is the caller's), so a field missed here would hold whatever the memory
    // held before (a stale pointer or garbage).
    ArrowArrayStream.Snapshot fields = new ArrowArrayStream.Snapshot();
    fields.get_schema = NativeCallbacks.pointerOf(GET_SCHEMA_FN);
    fields.get_next = NativeCallbacks.pointerOf(GET_NEXT_FN);
    fields.get_last_error = NativeCallbacks.pointerOf(GET_LAST_ERROR_FN);
    fields.private_data = token;
    fields.release = NativeCallbacks.pointerOf(RELEASE_FN);
    struct.save(fields);
  }

  /**
   * Exports a new stream that behaves as {@code plan} says, its schema and batches from {@code
   * source}, into the released {@code ArrowArrayStream} at {@code streamAddress}, as a producer does:
   * the struct is the caller's, and the stream's release frees what the stream holds (what {@link
   * #close()} frees) while the schemas and arrays it yielded stay live until their own release; the
   * stream's callbacks fail with {@code EINVAL} after it. Nothing it yields is tracked here: the
   * consumer reading the stream does that.
   *
   * @throws IllegalStateException if the struct at {@code streamAddress} is live (release not NULL):
   *     writing over it would lose a stream its owner must still release
   * @throws IllegalArgumentException if {@code plan} fills {@code out} before failing: whether the
   *     consumer released that batch is known only to a ledger counting its releases
   */
  public static void export(BufferAllocator allocator, StreamPlan plan, BatchSource source, long streamAddress) {
    if (RELEASE.get(streamAddress) != 0) {
      throw new IllegalStateException("the ArrowArrayStream at 0x" + Long.toHexString(streamAddress) + " is live"
          + " (release != NULL): the kit does not export over a stream its owner must still release");
    }
    if (plan.fillsBeforeFailing()) {
      throw new IllegalArgumentException("an exported stream cannot fill out before failing: nothing would know"
          + " whether its consumer released that batch");
    }
    new KitStream(null, allocator, plan, source, ArrowArrayStream.wrap(streamAddress)); // registered: reachable
  }

  public long address() {
    return struct.memoryAddress();
  }

  public int releaseCalls() {
    return releaseCalls.get();
  }

  /** The base schemas and arrays handed out so far with a success (0) return; none for an exported stream. */
  public synchronized List<TrackedStruct> results() {
    return List.copyOf(results);
  }

  /**
   * How many times {@code get_last_error} was called when the last {@code get_schema} or {@code
   * get_next} had not failed (or before any): the spec says it "must ONLY be called if the last
   * operation on the ArrowArrayStream returned an error". Such calls get NULL.
   */
  public synchronized int lastErrorQueriesAfterSuccess() {
    return lastErrorQueriesAfterSuccess;
  }

  /** The arrays a failing {@code get_next} put into {@code out} before it returned the error. */
  public synchronized List<TrackedStruct> filledOnError() {
    return List.copyOf(filledOnError);
  }

  private synchronized Pointer lastError() {
    if (!lastCallFailed) {
      lastErrorQueriesAfterSuccess++;
      return null;
    }
    return lastError;
  }

  /** Records whether the call just made failed, for get_last_error, and returns its result. */
  private synchronized int outcome(int errno) {
    lastCallFailed = errno != 0;
    return errno;
  }

  private int getSchema(Pointer out) {
    return outcome(schemaInto(out));
  }

  private int getNext(Pointer out) {
    return outcome(nextInto(out));
  }

  private int schemaInto(Pointer out) {
    if (plan.failingGetSchema()) {
      return EIO;
    }
    long address = Pointer.nativeValue(out);
    try {
      source.exportSchema(allocator, address);
      breakIfPlanned(StructKind.SCHEMA, address);
      track(StructKind.SCHEMA, address, "stream.schema", results);
      return 0;
    } catch (RuntimeException | Error e) {
      return EIO;
    }
  }

  private int nextInto(Pointer out) {
    long address = Pointer.nativeValue(out);
    int call;
    synchronized (this) {
      call = calls++;
    }
    boolean failing = plan.failingGetNext() >= 0 && call >= plan.failingGetNext();
    if (failing && !(plan.fillsBeforeFailing() && call == plan.failingGetNext())) {
      StructKind.ARRAY.setRelease(address, 0); // nothing for the consumer to release
      return EIO;
    }
    if (!failing && call >= plan.rows().size()) {
      StructKind.ARRAY.setRelease(address, 0); // end of stream: a released array
      return 0;
    }
    int rows = failing ? KitBatches.ROWS : plan.rows().get(call);
    try {
      source.exportBatch(allocator, address, 0, call, rows);
      if (call == 0) {
        breakIfPlanned(StructKind.ARRAY, address);
      }
      if (!failing) {
        track(StructKind.ARRAY, address, "stream.batch" + call, results);
        return 0;
      }
      track(StructKind.ARRAY, address, "stream.failed-batch" + call, filledOnError);
      keepCopyOfFilled(address);
      return EIO;
    } catch (RuntimeException | Error e) {
      return EIO;
    }
  }

  private void breakIfPlanned(StructKind kind, long address) {
    InvalidBatch invalid = plan.invalid();
    if (invalid != null && invalid.kind() == kind) {
      invalid.breakStruct(address, allocator).ifPresent(child -> {
        synchronized (this) {
          movedOut.add(child);
        }
      });
    }
  }

  private void track(StructKind kind, long address, String label, List<TrackedStruct> into) {
    if (ledger == null) {
      return; // exported: the consumer reading the stream tracks it
    }
    TrackedStruct base = ledger.trackTree(kind, address, label).get(0);
    synchronized (this) {
      into.add(base);
    }
  }

  /**
   * A bitwise copy of what a failing get_next left in {@code out}: if the consumer never releases
   * it (the spec is silent on whose it is), {@link #close()} releases it through this copy, so the
   * kit's memory comes back.
   */
  private synchronized void keepCopyOfFilled(long address) {
    ArrowArray copy = ArrowArray.allocateNew(allocator);
    copy.save(ArrowArray.wrap(address).snapshot());
    copiesOfFilled.add(copy);
  }

  /**
   * Releases what only the kit can: a batch a failing get_next filled that the consumer never
   * released (through the kit's copy), and children moved out of an invalid batch; then frees the
   * kit's struct memory (an exported stream's struct is its consumer's: left as it is). Call it after
   * reading the release counts: these releases are counted too. An exported stream's release calls it.
   */
  @Override
  public synchronized void close() {
    STREAMS.remove(token);
    for (int i = 0; i < filledOnError.size(); i++) {
      if (ledger.releaseCount(filledOnError.get(i)) == 0) {
        copiesOfFilled.get(i).release();
      }
      copiesOfFilled.get(i).close();
    }
    movedOut.forEach(ArrowArray::release);
    movedOut.forEach(ArrowArray::close);
    struct.close();
  }

  /** A NUL-terminated UTF-8 copy of {@code text} in memory that lives as long as the returned object. */
  static Memory cString(String text) {
    Memory memory = new Memory(text.getBytes(StandardCharsets.UTF_8).length + 1L);
    memory.setString(0, text, StandardCharsets.UTF_8.name()); // writes the terminating NUL too
    return memory;
  }

  /** The stream whose token is in {@code stream}'s private_data, or null once it is closed. */
  private static KitStream of(Pointer stream) {
    return STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
  }
}
