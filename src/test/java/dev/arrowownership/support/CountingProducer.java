package dev.arrowownership.support;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StructKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A producer whose {@code release} is a JNA callback: it fills a struct with no buffers and counts
 * every release call per struct, keyed by {@code private_data}. It can misbehave on purpose by
 * leaving {@code release} set, which the spec forbids.
 */
public final class CountingProducer {
  /** {@code void release(struct*)}. */
  public interface Release extends Callback {
    void invoke(Pointer struct);
  }

  private final StructKind kind;
  private final boolean nullsRelease;
  private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  // A field: JNA does not keep callbacks reachable, and C holds only the pointer.
  private final Release release;

  public CountingProducer(StructKind kind, boolean nullsRelease) {
    this.kind = kind;
    this.nullsRelease = nullsRelease;
    this.release = struct -> {
      long address = Pointer.nativeValue(struct);
      calls.computeIfAbsent(kind.privateData(address), id -> new AtomicInteger()).incrementAndGet();
      if (this.nullsRelease) {
        kind.setRelease(address, 0);
      }
    };
  }

  /** Fills the zeroed struct at {@code address}; returns the id its release calls are counted under. */
  public long fill(long address) {
    long id = ids.incrementAndGet();
    kind.setPrivateData(address, id);
    kind.setRelease(address, Pointer.nativeValue(CallbackReference.getFunctionPointer(release)));
    return id;
  }

  /** How many times {@code release} ran for the struct filled with {@code id}. */
  public int releaseCalls(long id) {
    AtomicInteger count = calls.get(id);
    return count == null ? 0 : count.get();
  }

  /** Drops the count of {@code id}, so a long stress run does not accumulate them. */
  public void forget(long id) {
    calls.remove(id);
  }
}
