package dev.arrowownership.ledger;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The native side of the ledger: one JNA callback per struct kind, installed as the {@code release}
 * pointer of every interposed struct. The struct's {@code private_data} is replaced by a token that
 * names the ledger entry, so the callback finds its entry even after the struct was moved (bitwise
 * copied) to another address.
 */
final class ReleaseInterposer {
  private static final class Dispatch implements NativeCallbacks.Release {
    private final StructKind kind;

    Dispatch(StructKind kind) {
      this.kind = kind;
    }

    @Override
    public void invoke(Pointer struct) {
      ReleaseInterposer.onRelease(kind, Pointer.nativeValue(struct));
    }
  }

  // Static, hence strongly reachable for the life of the process: JNA does not keep callbacks alive.
  private static final NativeCallbacks.Release ARRAY_CALLBACK = new Dispatch(StructKind.ARRAY);
  private static final NativeCallbacks.Release SCHEMA_CALLBACK = new Dispatch(StructKind.SCHEMA);
  private static final long ARRAY_POINTER = NativeCallbacks.pointerOf(ARRAY_CALLBACK);
  private static final long SCHEMA_POINTER = NativeCallbacks.pointerOf(SCHEMA_CALLBACK);

  /** Tokens look like no heap pointer, so a token in a report is recognisable. */
  private static final long TOKEN_TAG = 0x7EDC_0000_0000_0000L;
  private static final AtomicLong IDS = new AtomicLong();
  private static final Map<Long, Entry> ENTRIES = new ConcurrentHashMap<>();

  private ReleaseInterposer() {}

  /** What the interposer keeps per struct: the producer's pointers and the ledger to tell. */
  static final class Entry {
    final TrackedStruct struct;
    final long originalRelease;
    final long originalPrivateData;
    final ReleaseLedger ledger;
    final Entry parent; // null for a base struct
    int calls; // guarded by this

    Entry(TrackedStruct struct, long originalRelease, long originalPrivateData, ReleaseLedger ledger, Entry parent) {
      this.struct = struct;
      this.originalRelease = originalRelease;
      this.originalPrivateData = originalPrivateData;
      this.ledger = ledger;
      this.parent = parent;
    }

    synchronized int nextCall() {
      return ++calls;
    }

    synchronized int calls() {
      return calls;
    }
  }

  static long callbackPointer(StructKind kind) {
    return kind == StructKind.ARRAY ? ARRAY_POINTER : SCHEMA_POINTER;
  }

  /** Replaces {@code release} and {@code private_data} of the live struct at {@code address}. */
  static Entry install(ReleaseLedger ledger, StructKind kind, long address, String label, Entry parent) {
    long release = kind.release(address);
    if (release == 0) {
      throw new IllegalStateException(label + ": the " + kind + " at 0x" + Long.toHexString(address)
          + " is already released (release == NULL); nothing to track");
    }
    if (release == callbackPointer(kind)) {
      throw new IllegalStateException(label + ": the " + kind + " at 0x" + Long.toHexString(address)
          + " is already tracked as " + identify(kind, address));
    }
    long id = IDS.incrementAndGet();
    Entry entry = new Entry(new TrackedStruct(id, kind, label), release, kind.privateData(address), ledger, parent);
    ENTRIES.put(TOKEN_TAG | id, entry);
    kind.setPrivateData(address, TOKEN_TAG | id);
    kind.setRelease(address, callbackPointer(kind));
    return entry;
  }

  /** The tracked struct whose content lies at {@code address}, or null if it is not interposed. */
  static TrackedStruct identify(StructKind kind, long address) {
    if (kind.release(address) != callbackPointer(kind)) {
      return null;
    }
    Entry entry = ENTRIES.get(kind.privateData(address));
    return entry == null ? null : entry.struct;
  }

  static void forget(Entry entry) {
    ENTRIES.remove(TOKEN_TAG | entry.struct.id());
  }

  private static void onRelease(StructKind kind, long address) {
    // Exceptions cannot cross into C: everything is caught and recorded.
    try {
      Entry entry = ENTRIES.get(kind.privateData(address));
      if (entry == null) {
        kind.setRelease(address, 0);
        ReleaseLedger.reportOrphan(new Violation(Violation.Kind.UNKNOWN_STRUCT, null,
            "release called on a " + kind + " at 0x" + Long.toHexString(address)
                + " whose private_data names no tracked struct"));
        return;
      }
      if (releasedOutsideParent(entry)) {
        // Left live and not forwarded: the parent's release still releases it, exactly once.
        entry.ledger.violation(new Violation(Violation.Kind.CHILD_RELEASED_BY_CONSUMER, entry.struct,
            "release called on a child or dictionary outside its parent's release, while the parent "
                + entry.parent.struct + " is live (spec: consumers MUST not call children's release); not forwarded"));
        return;
      }
      int call = entry.nextCall();
      entry.ledger.record(entry, address, call);
      if (call > 1) {
        kind.setRelease(address, 0); // refuse to forward: the producer would free twice
        return;
      }
      kind.setPrivateData(address, entry.originalPrivateData);
      kind.setRelease(address, entry.originalRelease);
      forward(entry, address);
      entry.ledger.released(entry, address, kind.read(address));
    } catch (Throwable t) {
      ReleaseLedger.reportOrphan(new Violation(Violation.Kind.CALLBACK_FAILED, null,
          "the release interposer failed: " + t));
    }
  }

  /**
   * True for a child released before its parent's release started. During the parent's release
   * (its call is counted before it is forwarded) is right; after it, only a child the consumer
   * moved out (spec: "Moving child arrays") can still be live, and releasing it is the consumer's job.
   */
  private static boolean releasedOutsideParent(Entry entry) {
    return entry.parent != null && entry.parent.calls() == 0;
  }

  private static void forward(Entry entry, long address) {
    try {
      Function.getFunction(new Pointer(entry.originalRelease)).invoke(new Object[] {new Pointer(address)});
    } catch (Throwable t) {
      entry.ledger.violation(new Violation(Violation.Kind.CALLBACK_FAILED, entry.struct,
          "the producer's release threw " + t));
    }
    StructKind kind = entry.struct.kind();
    if (kind.release(address) != 0) {
      kind.setRelease(address, 0);
      entry.ledger.violation(new Violation(Violation.Kind.RELEASE_NOT_NULLED, entry.struct,
          "the producer's release returned without setting release to NULL (spec: \"Released structure\")"));
    }
  }
}
