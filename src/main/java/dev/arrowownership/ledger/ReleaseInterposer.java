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
 * names the struct's {@link ForwardOnce} record, so the callback finds it even after the struct was
 * moved (bitwise copied) to another address, or from a stale copy, on whatever thread it runs.
 *
 * <p>A call whose token names a record is counted by the ledger that tracks the struct, if that
 * ledger is still open, and by no other; only the first call on the content is forwarded to the
 * producer. A call whose token names no record (never tracked, or forgotten since) is an unknown
 * struct, reported to every ledger open at that moment, and not forwarded.
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
  /** By token: every record of a struct not yet released, and of released ones while their ledger is open. */
  private static final Map<Long, ForwardOnce> RECORDS = new ConcurrentHashMap<>();

  private ReleaseInterposer() {}

  /** What a ledger keeps per tracked struct; the interposer reaches it only through its record's owner. */
  static final class Entry {
    final TrackedStruct struct;
    final ReleaseLedger ledger;
    final Entry parent; // null for a base struct
    final ForwardOnce record;
    int counted; // release calls the ledger recorded; guarded by the ledger

    Entry(TrackedStruct struct, ReleaseLedger ledger, Entry parent, long token, long release, long privateData) {
      this.struct = struct;
      this.ledger = ledger;
      this.parent = parent;
      this.record = new ForwardOnce(struct.kind(), token, release, privateData,
          parent == null ? null : parent.record, this);
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
    long token = TOKEN_TAG | id;
    Entry entry = new Entry(new TrackedStruct(id, kind, label), ledger, parent, token, release, kind.privateData(address));
    RECORDS.put(token, entry.record);
    kind.setPrivateData(address, token);
    kind.setRelease(address, callbackPointer(kind));
    return entry;
  }

  /** The struct whose content lies at {@code address}, or null if no open ledger tracks it. */
  static TrackedStruct identify(StructKind kind, long address) {
    if (kind.release(address) != callbackPointer(kind)) {
      return null;
    }
    ForwardOnce record = RECORDS.get(kind.privateData(address));
    Entry owner = record == null ? null : record.owner();
    return owner == null ? null : owner.struct;
  }

  /**
   * Takes {@code entry} out of the interposer, as its ledger closes: a released struct's record
   * goes; an unreleased one's stays, naming no ledger, until it forwards the release.
   */
  static void detach(Entry entry) {
    if (entry.record.detach()) {
      RECORDS.remove(entry.record.token, entry.record);
    }
  }

  /** The record the interposer keeps for {@code struct}, null if none; for tests. */
  static ForwardOnce recordOf(TrackedStruct struct) {
    return RECORDS.get(TOKEN_TAG | struct.id());
  }

  private static void onRelease(StructKind kind, long address) {
    // Exceptions cannot cross into C: everything is caught and recorded.
    try {
      long token = kind.privateData(address);
      ForwardOnce record = RECORDS.get(token);
      if (record == null) {
        kind.setRelease(address, 0);
        ReleaseLedger.reportOrphan(new Violation(Violation.Kind.UNKNOWN_STRUCT, null,
            "release called on a " + kind + " at 0x" + Long.toHexString(address)
                + " whose private_data names no tracked struct"));
        return;
      }
      Entry owner = record.owner();
      if (record.releasedOutsideParent()) {
        // Left live and not forwarded: the parent's release still releases it, exactly once.
        if (owner != null) {
          report(owner, Violation.Kind.CHILD_RELEASED_BY_CONSUMER,
              "release called on a child or dictionary outside its parent's release, while the parent "
                  + owner.parent.struct + " is live (spec: consumers MUST not call children's release); not forwarded");
        }
        return;
      }
      ForwardOnce.Call call = record.nextCall();
      owner = call.owner();
      if (owner != null) {
        owner.ledger.record(owner, address, call.number());
      }
      if (call.number() > 1) {
        kind.setRelease(address, 0); // refuse to forward: the producer would free twice
        return;
      }
      kind.setPrivateData(address, record.privateData);
      kind.setRelease(address, record.release);
      forward(record, owner, address);
      // The token back in the released struct: a second call at this address (or on a copy of the
      // released struct) finds the record and is a double release, not an unknown struct.
      kind.setPrivateData(address, token);
      if (owner != null) {
        owner.ledger.released(owner, address, kind.read(address));
      } else {
        RECORDS.remove(token, record); // its ledger has closed: forwarded once, nothing left to count
      }
    } catch (Throwable t) {
      // What can fail here is reading the struct (a NULL address), before any record is found.
      ReleaseLedger.reportOrphan(new Violation(Violation.Kind.CALLBACK_FAILED, null,
          "the release interposer failed: " + t));
    }
  }

  private static void forward(ForwardOnce record, Entry owner, long address) {
    try {
      Function.getFunction(new Pointer(record.release)).invoke(new Object[] {new Pointer(address)});
    } catch (Throwable t) {
      report(owner, Violation.Kind.CALLBACK_FAILED, "the producer's release threw " + t);
    }
    if (record.kind.release(address) != 0) {
      record.kind.setRelease(address, 0);
      report(owner, Violation.Kind.RELEASE_NOT_NULLED,
          "the producer's release returned without setting release to NULL (spec: \"Released structure\")");
    }
  }

  /** Reports to the ledger of {@code owner}; to none if null: a struct whose ledger closed is counted nowhere. */
  private static void report(Entry owner, Violation.Kind kind, String detail) {
    if (owner != null) {
      owner.ledger.violation(new Violation(kind, owner.struct, detail));
    }
  }
}
