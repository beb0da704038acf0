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
  // A live stream's failures have no message (the consumer reports strerror(EIO)).
  private static final NativeCallbacks.ErrorGetter GET_LAST_ERROR_FN = s -> of(s) == null ? CLOSED : null;
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

  private static Memory cString(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Memory memory = new Memory(bytes.length + 1L);
    memory.write(0, bytes, 0, bytes.length);
    memory.setByte(bytes.length, (byte) 0);
    return memory;
  }

  /** The stream whose token is in {@code stream}'s private_data, or null once it is closed. */
  private static KitStream of(Pointer stream) {
    return STREAMS.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
  }
}
