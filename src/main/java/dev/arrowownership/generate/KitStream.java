package dev.arrowownership.generate;

import static dev.arrowownership.cdata.StreamField.PRIVATE_DATA;
import static dev.arrowownership.cdata.StreamField.RELEASE;

import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An {@code ArrowArrayStream} the kit implements itself (JNA callbacks), yielding generated batches:
 * every schema and array it hands out is tracked by the ledger, and its own {@code release} calls
 * are counted. {@code private_data} is a token, so the stream may be moved.
 * Its callbacks read and write the struct through {@link dev.arrowownership.cdata.StreamField}.
 */
public final class KitStream implements AutoCloseable {
  private static final int EIO = 5;
  private static final Map<Long, KitStream> STREAMS = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong(0x5EA0_0000_0000_0000L);
  // Static, hence strongly reachable: C holds only the pointers.
  // Exceptions cannot cross into C: an unknown stream gets an error code, or is just marked released.
  private static final NativeCallbacks.Getter GET_SCHEMA_FN = (s, out) -> of(s) == null ? EIO : of(s).getSchema(out);
  private static final NativeCallbacks.Getter GET_NEXT_FN = (s, out) -> of(s) == null ? EIO : of(s).getNext(out);
  private static final NativeCallbacks.ErrorGetter GET_LAST_ERROR_FN = s -> null;
  private static final NativeCallbacks.Release RELEASE_FN = s -> {
    KitStream stream = of(s);
    if (stream != null) {
      stream.releaseCalls.incrementAndGet();
    }
    RELEASE.set(Pointer.nativeValue(s), 0);
  };

  private final BufferAllocator allocator;
  private final ReleaseLedger ledger;
  private final int batches;
  private final ArrowArrayStream struct;
  private final long token = TOKENS.incrementAndGet();
  private final List<TrackedStruct> results = new ArrayList<>(); // guarded by this
  private final AtomicInteger releaseCalls = new AtomicInteger();
  private int next; // guarded by this

  /** A live stream of {@code batches} generated batches, in a struct the kit allocates. */
  public KitStream(BufferAllocator allocator, ReleaseLedger ledger, int batches) {
    this.allocator = allocator;
    this.ledger = ledger;
    this.batches = batches;
    this.struct = ArrowArrayStream.allocateNew(allocator);
    STREAMS.put(token, this);
    // All five fields in one write: allocateNew leaves every field but release uninitialized, so a
    // field missed here would hold whatever the memory held before (a stale pointer or garbage).
    ArrowArrayStream.Snapshot fields = new ArrowArrayStream.Snapshot();
    fields.get_schema = NativeCallbacks.pointerOf(GET_SCHEMA_FN);
    fields.get_next = NativeCallbacks.pointerOf(GET_NEXT_FN);
    fields.get_last_error = NativeCallbacks.pointerOf(GET_LAST_ERROR_FN);
    fields.private_data = token;
    fields.release = NativeCallbacks.pointerOf(RELEASE_FN);
    struct.save(fields);
  }

  public long address() {
    return struct.memoryAddress();
  }

  public int releaseCalls() {
    return releaseCalls.get();
  }

  /** The base schema and arrays handed out so far. */
  public synchronized List<TrackedStruct> results() {
    return List.copyOf(results);
  }

  private int getSchema(Pointer out) {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, KitBatches.ROWS, 0)) {
      // The same shape as the arrays: a list column with no values would have a Null child type.
      Data.exportSchema(allocator, batch.root().getSchema(), batch.dictionaries(), ArrowSchema.wrap(Pointer.nativeValue(out)));
      track(StructKind.SCHEMA, Pointer.nativeValue(out), "stream.schema");
      return 0;
    } catch (RuntimeException | Error e) {
      return EIO;
    }
  }

  private int getNext(Pointer out) {
    long address = Pointer.nativeValue(out);
    int index;
    synchronized (this) {
      index = next < batches ? next++ : -1;
    }
    if (index < 0) {
      StructKind.ARRAY.setRelease(address, 0); // end of stream: a released array
      return 0;
    }
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, KitBatches.ROWS, index)) {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), ArrowArray.wrap(address));
      track(StructKind.ARRAY, address, "stream.batch" + index);
      return 0;
    } catch (RuntimeException | Error e) {
      return EIO;
    }
  }

  private void track(StructKind kind, long address, String label) {
    TrackedStruct base = ledger.trackTree(kind, address, label).get(0);
    synchronized (this) {
      results.add(base);
    }
  }

  /** Frees the kit's struct memory; does not release anything. */
  @Override
  public void close() {
    STREAMS.remove(token);
    struct.close();
  }

  /** The stream whose token is in {@code stream}'s private_data, or null. */
  private static KitStream of(Pointer stream) {
    return STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
  }
}
