package dev.arrowownership.wrapper;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakTracker;
import java.lang.ref.Reference;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * A move-only handle that owns one {@code ArrowArray} and one {@code ArrowSchema} and calls each
 * struct's {@code release} exactly once: the Java form of ArcticDB's Rule-of-Five {@code
 * RecordBatchData}.
 *
 * <table>
 *   <caption>C++ Rule of Five and its Java form</caption>
 *   <tr><th>C++</th><th>here</th></tr>
 *   <tr><td>default constructor (zeroed structs)</td><td>{@link #allocate}</td></tr>
 *   <tr><td>copy constructor / assignment: deleted</td><td>final class, no clone, no copy</td></tr>
 *   <tr><td>move constructor</td><td>{@link #moveFrom}</td></tr>
 *   <tr><td>move assignment (self-move a no-op)</td><td>{@link #moveAssign}</td></tr>
 *   <tr><td>destructor</td><td>{@link #close}</td></tr>
 * </table>
 *
 * <p>The handle owns content exactly when a {@code release} pointer of its structs is non-NULL.
 * Every operation but {@link #close}, {@link #isOwned}, {@link #state} and {@link #name} throws
 * {@link IllegalStateException} on a closed handle. All operations are thread-safe and atomic; see
 * {@code docs/contract.md} for the full contract.
 *
 * <p>A handle dropped without {@link #close} is released by the leak safety net ({@link
 * LeakDetector}) and reported; that is a bug to fix, not a way to manage memory.
 */
public final class RecordBatchData implements AutoCloseable {
  private static final String KIND = "RecordBatchData";
  private static final AtomicLong NAMES = new AtomicLong();

  private final BufferAllocator allocator;
  private final OwnershipCore<CDataPayload> core;
  private final LeakTracker leak;

  /** A handle named {@code name}, or with a serial number above 0, {@code name#serial}. */
  private RecordBatchData(BufferAllocator allocator, String name, long serial) {
    this.allocator = allocator;
    this.core = new OwnershipCore<>(name, serial, allocatePayload(allocator, () -> OwnershipCore.serialName(name, serial)));
    // core::name and core::close bind the core, not this handle, so the handle can become unreachable.
    this.leak = LeakDetector.track(this, KIND, core::name, core::close);
  }

  /**
   * Allocates an empty handle (both {@code release} pointers NULL) from {@code allocator}, named
   * {@code RecordBatchData#n} with a number unique in this JVM.
   */
  public static RecordBatchData allocate(BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator");
    return new RecordBatchData(allocator, KIND, NAMES.incrementAndGet()); // the name is built when needed
  }

  /** Allocates an empty handle with a name that exception messages and {@link #toString} use. */
  public static RecordBatchData allocate(BufferAllocator allocator, String name) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(name, "name");
    return new RecordBatchData(allocator, name, 0);
  }

  /**
   * Moves {@code source}'s content into a new handle allocated from the source's allocator. The
   * source is left empty and usable. If allocation fails, the source keeps its content.
   *
   * @throws IllegalStateException if {@code source} is closed
   */
  public static RecordBatchData moveFrom(RecordBatchData source) {
    Objects.requireNonNull(source, "source");
    RecordBatchData target = allocate(source.allocator);
    try {
      OwnershipCore.moveInto(source.core, target.core, "moveFrom");
    } catch (RuntimeException | Error e) {
      target.close();
      throw e;
    } finally {
      Reference.reachabilityFence(source); // the leak net must not close it mid-move
    }
    return target;
  }

  /**
   * Releases what this handle owns, then takes {@code source}'s content, leaving the source empty.
   * {@code h.moveAssign(h)} is a no-op.
   *
   * @throws IllegalStateException if either handle is closed
   */
  public void moveAssign(RecordBatchData source) {
    Objects.requireNonNull(source, "source");
    try {
      core.moveAssign(source.core, () -> CDataPayload.allocate(allocator));
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(source);
    }
  }

  /**
   * Lets {@code producer} fill this empty handle's structs.
   *
   * @throws IllegalStateException if the handle already owns content (filling would leak it), is
   *     closed, or the producer left a struct released
   */
  public void populate(StructFiller producer) {
    Objects.requireNonNull(producer, "producer");
    try {
      core.fill(p -> {
        producer.fill(p.array, p.schema);
        if (!p.arrayOwned() || !p.schemaOwned()) {
          throw new IllegalStateException(name() + ": the producer left the "
              + (p.arrayOwned() ? "ArrowSchema" : "ArrowArray") + " released (release == NULL)");
        }
      });
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Exports {@code root} with Arrow Java into this empty handle; {@code dictionaries} may be null. */
  public void populate(VectorSchemaRoot root, DictionaryProvider dictionaries) {
    Objects.requireNonNull(root, "root");
    populate((array, schema) -> RootExporter.export(allocator, root, dictionaries, array, schema));
  }

  /**
   * Moves the content into Arrow Java (the write path). The handle is empty afterwards, whether the
   * import succeeds or fails; on failure whatever the importer did not take is released.
   *
   * @param target allocates the imported vectors
   * @throws IllegalStateException if the handle owns nothing or is closed, or {@code target} is closed
   *     (detected when assertions are enabled; the batch then stays in the handle)
   */
  public ImportedBatch importBatch(BufferAllocator target) {
    Objects.requireNonNull(target, "target");
    rejectClosed(target);
    // Take the content out first, into structs no other thread can see, so the importer's releases
    // never run inside this handle's busy section. Bare structs, not a handle: nobody else can reach
    // them, and closing them releases whatever the importer did not take.
    try (CDataPayload taken = allocatePayload(allocator, this::name)) {
      core.moveOut(taken, "importBatch");
      if (!taken.arrayOwned() || !taken.schemaOwned()) {
        throw new IllegalStateException(
            name() + " " + incomplete(taken) + ": cannot importBatch, it owns no complete batch");
      }
      CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
      try {
        // closeImportedStructs=false: by default Arrow Java frees the struct memory after import,
        // which belongs to the taken structs and is freed when they close.
        return new ImportedBatch(
            Data.importVectorSchemaRoot(target, taken.array, taken.schema, dictionaries, false), dictionaries);
      } catch (RuntimeException | Error e) {
        dictionaries.close();
        throw e;
      }
    } finally {
      Reference.reachabilityFence(this); // the leak net must not close it mid-move
    }
  }

  /** The row count ({@code ArrowArray.length}) of the owned batch, 0 when empty. */
  public long rowCount() {
    return read("rowCount", p -> p.arrayOwned() ? p.array.snapshot().length : 0L);
  }

  /** The address of this handle's {@code ArrowArray}; fixed for the handle's life. */
  public long arrayAddress() {
    return read("arrayAddress", p -> p.array.memoryAddress());
  }

  /** The address of this handle's {@code ArrowSchema}; fixed for the handle's life. */
  public long schemaAddress() {
    return read("schemaAddress", p -> p.schema.memoryAddress());
  }

  /** True if and only if the handle is open and owns content. */
  public boolean isOwned() {
    try {
      return read("isOwned", Payload::isOwned);
    } catch (IllegalStateException closed) {
      if (core.state() == HandleState.CLOSED) {
        return false;
      }
      throw closed;
    }
  }

  /** The lifecycle state. */
  public HandleState state() {
    return core.state();
  }

  /** The name given at allocation. */
  public String name() {
    return core.name();
  }

  /**
   * Releases the owned content, if any, exactly once, and frees the structs. Idempotent.
   *
   * @return true if and only if this call closed the handle
   */
  public boolean closeHandle() {
    boolean closed = core.close();
    leak.close(); // retires the safety net; its core.close() is now a no-op
    Reference.reachabilityFence(this); // else the net could win the close and report a false leak
    return closed;
  }

  /** The leak net's registration; package-private, for tests that check close() retires it. */
  LeakTracker leakTracker() {
    return leak;
  }

  /** Same as {@link #closeHandle()}. */
  @Override
  public void close() {
    closeHandle();
  }

  @Override
  public String toString() {
    return "RecordBatchData[" + core + "]";
  }

  /**
   * Rejects a closed import target before the batch moves: Arrow would fail only after taking it.
   * Arrow's allocators report being closed only with assertions enabled ({@code -ea}).
   */
  private void rejectClosed(BufferAllocator target) {
    try {
      target.assertOpen();
    } catch (IllegalStateException closed) {
      throw new IllegalStateException(core + ": cannot importBatch into allocator " + target.getName()
          + ", it is closed; the batch stays in the handle", closed);
    }
  }

  /** What an import found instead of a complete batch; a half batch is released with the handle taken. */
  private static String incomplete(CDataPayload p) {
    if (p.arrayOwned()) {
      return "held only its ArrowArray (released now)";
    }
    return p.schemaOwned() ? "held only its ArrowSchema (released now)" : "is EMPTY";
  }

  /** A read of the payload; keeps this handle reachable, so the leak net cannot close it meanwhile. */
  private <R> R read(String operation, java.util.function.Function<? super CDataPayload, R> reader) {
    try {
      return core.read(operation, reader);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Allocates structs; {@code name} names the handle in the failure message, built only on failure. */
  private static CDataPayload allocatePayload(BufferAllocator allocator, Supplier<String> name) {
    try {
      return CDataPayload.allocate(allocator);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(name.get() + ": cannot allocate structs from allocator "
          + allocator.getName() + ": " + e.getMessage(), e);
    }
  }
}
