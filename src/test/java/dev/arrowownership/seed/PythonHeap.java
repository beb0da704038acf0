package dev.arrowownership.seed;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where the C++ shim's "Python objects" come from: the list and the objects pybind11 makes when
 * extract_record_batches returns. Each allocation is an {@link ArrowBuf} of a frame's allocator, so
 * the machine's injected allocation failures reach the C++ extraction; a failed one is kept here
 * (a JNA callback cannot throw into C) and the callback returns NULL, which the shim turns into
 * {@code std::bad_alloc}, then ENOMEM. One heap per frame; the two callbacks are shared, the heap is
 * found by its context number, so parallel sequences never share a heap.
 */
final class PythonHeap {
  /** {@code void* (*)(int64_t context, int64_t size)}: NULL when out of memory. */
  interface Allocate extends Callback {
    Pointer invoke(long context, long size);
  }

  /** {@code void (*)(int64_t context, void* memory)}. */
  interface Free extends Callback {
    void invoke(long context, Pointer memory);
  }

  private static final Map<Long, PythonHeap> HEAPS = new ConcurrentHashMap<>();
  private static final AtomicLong CONTEXTS = new AtomicLong();

  // Static: JNA keeps a callback's native stub only while the Java object is reachable.
  static final Allocate ALLOCATE = (context, size) -> HEAPS.get(context).allocate(size);
  static final Free FREE = (context, memory) -> HEAPS.get(context).free(memory);

  private final long context = CONTEXTS.incrementAndGet();
  private final BufferAllocator allocator;
  private final Map<Long, ArrowBuf> live = new ConcurrentHashMap<>();
  private RuntimeException refusal;
  private boolean retired;

  private PythonHeap(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** A heap allocating from {@code allocator}, reachable by the callbacks until retired and empty. */
  static PythonHeap over(BufferAllocator allocator) {
    PythonHeap heap = new PythonHeap(allocator);
    HEAPS.put(heap.context, heap);
    return heap;
  }

  long context() {
    return context;
  }

  /** The allocation failure the last refused allocation met, once; null if none. */
  synchronized RuntimeException takeRefusal() {
    RuntimeException taken = refusal;
    refusal = null;
    return taken;
  }

  /** The frame is closed: the heap goes once the last object allocated from it is freed. */
  synchronized void retire() {
    retired = true;
    forgetIfDone();
  }

  private synchronized Pointer allocate(long size) {
    try {
      ArrowBuf buffer = allocator.buffer(size);
      live.put(buffer.memoryAddress(), buffer);
      return new Pointer(buffer.memoryAddress());
    } catch (RuntimeException outOfMemory) { // OutOfMemoryException, injected or not; an allocator closed under us
      refusal = outOfMemory;
      return null;
    }
  }

  private synchronized void free(Pointer memory) {
    ArrowBuf buffer = live.remove(Pointer.nativeValue(memory));
    // An address this heap never handed out would be the shim's bug; a callback cannot throw into C,
    // and whatever stays allocated fails the allocator's close, which names it.
    if (buffer != null) {
      buffer.close();
    }
    forgetIfDone();
  }

  private void forgetIfDone() {
    if (retired && live.isEmpty()) {
      HEAPS.remove(context);
    }
  }
}
