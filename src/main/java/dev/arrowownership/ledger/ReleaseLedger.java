package dev.arrowownership.ledger;

import dev.arrowownership.cdata.StructKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every real {@code release} call on the structs it tracks, from any thread, and refuses to
 * forward a second one, so a double release is reported instead of crashing the process.
 *
 * <p>{@link #track} interposes on a live struct, whoever produced it: the struct's {@code release}
 * becomes a JNA callback and its {@code private_data} a token; the producer's pointers are kept.
 * The first call restores them, forwards to the producer's {@code release}, then puts the token back
 * in {@code private_data}; any later call on the same content (at the same address, through a stale
 * bitwise copy, or on a copy of the released struct) is recorded as {@link
 * Violation.Kind#DOUBLE_RELEASE} and sets {@code release} to NULL without forwarding. {@link #track}
 * interposes on the base struct only; {@link #trackTree} also on its children and dictionaries, to
 * catch a consumer that releases them itself.
 *
 * <p>Attribution: a call on a tracked struct is counted by the ledger that tracked it, whatever
 * thread it runs on, and by no other. A call on a struct no open ledger tracks (its {@code
 * private_data} names no token the interposer keeps) is {@link Violation.Kind#UNKNOWN_STRUCT},
 * reported to every ledger open at that moment, not to ledgers closed before or opened after.
 *
 * <p>Closing a ledger forgets everything it tracked: a struct released after that is forwarded to
 * its producer once and counted nowhere. Its reports ({@link #events}, {@link #violations}, counts)
 * stay readable and no longer change, but for a release racing the close.
 */
public final class ReleaseLedger implements AutoCloseable {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  /** The ledgers an unknown struct is reported to: constructed and not yet closed. */
  private static final Set<ReleaseLedger> OPEN = ConcurrentHashMap.newKeySet();

  private final List<ReleaseInterposer.Entry> entries = new ArrayList<>(); // guarded by this
  private final List<ReleaseEvent> events = new ArrayList<>(); // guarded by this
  private final List<Violation> violations = new ArrayList<>(); // guarded by this
  private final Map<TrackedStruct, Released> released = new HashMap<>(); // guarded by this
  private boolean closed; // guarded by this

  /** An open ledger, tracking nothing yet; from now until {@link #close()} it hears of unknown structs. */
  public ReleaseLedger() {
    OPEN.add(this);
  }

  /**
   * Interposes on the live struct at {@code address}.
   *
   * @throws IllegalArgumentException if {@code address} is 0
   * @throws IllegalStateException if the struct is released or already tracked, or this ledger is closed
   */
  public TrackedStruct track(StructKind kind, long address, String label) {
    return add(kind, address, label, null).struct;
  }

  /**
   * Interposes on the live struct at {@code address} and on every child and dictionary under it,
   * so that a consumer calling a child's {@code release} itself is reported ({@link
   * Violation.Kind#CHILD_RELEASED_BY_CONSUMER}) and not forwarded, and a producer whose release
   * skips a child leaves that child {@link #unreleased()}. Returns the base struct first, then its
   * descendants depth first.
   */
  public List<TrackedStruct> trackTree(StructKind kind, long address, String label) {
    List<TrackedStruct> tree = new ArrayList<>();
    trackTree(kind, address, label, null, tree);
    return List.copyOf(tree);
  }

  /** The struct whose release must release {@code struct}, if {@code struct} is a child or dictionary. */
  public synchronized Optional<TrackedStruct> parentOf(TrackedStruct struct) {
    ReleaseInterposer.Entry parent = entryOf(struct).parent;
    return Optional.ofNullable(parent == null ? null : parent.struct);
  }

  private void trackTree(StructKind kind, long address, String label, ReleaseInterposer.Entry parent,
      List<TrackedStruct> tree) {
    // Read the links before interposing: children are found through the producer's pointers.
    long children = kind.childCount(address);
    long dictionary = kind.dictionary(address);
    ReleaseInterposer.Entry entry = add(kind, address, label, parent);
    tree.add(entry.struct);
    for (long i = 0; i < children; i++) {
      long child = kind.child(address, i);
      if (kind.isLive(child)) {
        trackTree(kind, child, label + ".children[" + i + "]", entry, tree);
      }
    }
    if (dictionary != 0 && kind.isLive(dictionary)) {
      trackTree(kind, dictionary, label + ".dictionary", entry, tree);
    }
  }

  // Synchronized with close(): a struct is either tracked before the close, and detached by it, or not at all.
  private synchronized ReleaseInterposer.Entry add(StructKind kind, long address, String label,
      ReleaseInterposer.Entry parent) {
    if (closed) {
      throw new IllegalStateException(label + ": this ledger is closed; it tracks nothing more");
    }
    ReleaseInterposer.Entry entry = ReleaseInterposer.install(this, kind, address, label, parent);
    entries.add(entry);
    return entry;
  }

  /** Interposes on an array and its schema; returns {@code [array, schema]}. */
  public TrackedBatch trackBatch(long arrayAddress, long schemaAddress, String label) {
    return new TrackedBatch(track(StructKind.ARRAY, arrayAddress, label), track(StructKind.SCHEMA, schemaAddress, label));
  }

  /** The tracked struct whose live content is at {@code address}, if an open ledger tracks it. */
  public static Optional<TrackedStruct> identify(StructKind kind, long address) {
    return Optional.ofNullable(ReleaseInterposer.identify(kind, address));
  }

  /** How many times {@code release} was called on {@code struct}'s content while this ledger was open. */
  public synchronized int releaseCount(TrackedStruct struct) {
    return entryOf(struct).counted;
  }

  /** Every release call so far, in order. */
  public synchronized List<ReleaseEvent> events() {
    return List.copyOf(events);
  }

  /** The number of release calls so far; a mark for {@link #eventsSince}. */
  public synchronized int eventCount() {
    return events.size();
  }

  /** The release calls recorded after {@code mark}, in order. */
  public synchronized List<ReleaseEvent> eventsSince(int mark) {
    return List.copyOf(events.subList(mark, events.size()));
  }

  /**
   * Every rule broken on the structs this ledger tracked, and every call on an unknown struct made
   * while it was open, in order.
   */
  public synchronized List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** The tracked structs whose content has not been released yet. */
  public synchronized List<TrackedStruct> unreleased() {
    return entries.stream().filter(e -> e.counted == 0).map(e -> e.struct).toList();
  }

  /** Every struct tracked by this ledger, in tracking order. */
  public synchronized List<TrackedStruct> tracked() {
    return entries.stream().map(e -> e.struct).toList();
  }

  /**
   * Checks the exactly-once rule over everything tracked: no violation, nothing unreleased.
   *
   * @throws AssertionError listing every problem
   */
  public void verifyExactlyOnce() {
    List<String> problems = new ArrayList<>();
    violations().forEach(v -> problems.add(v.toString()));
    unreleased().forEach(s -> problems.add("LEAK: " + s + " was never released"));
    if (!problems.isEmpty()) {
      throw new AssertionError("exactly-once release violated:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * Closes this ledger: it tracks nothing more, hears of no more unknown structs, and the
   * interposer forgets every struct it tracked. A struct still unreleased keeps the interposer's
   * {@code release} and token; its release is then forwarded to the producer once and counted
   * nowhere, and a later call on it is an unknown struct. Closing again does nothing more.
   */
  @Override
  public void close() {
    List<ReleaseInterposer.Entry> tracked;
    synchronized (this) {
      closed = true;
      tracked = List.copyOf(entries);
    }
    OPEN.remove(this);
    tracked.forEach(ReleaseInterposer::detach);
  }

  synchronized void record(ReleaseInterposer.Entry entry, long address, int call) {
    entry.counted++;
    events.add(new ReleaseEvent(SEQUENCE.incrementAndGet(), entry.struct, address,
        Thread.currentThread().getName(), call));
    if (call > 1) {
      violations.add(new Violation(Violation.Kind.DOUBLE_RELEASE, entry.struct,
          "release call #" + call + " at 0x" + Long.toHexString(address) + " (spec: " + whoReleases(entry)
              + "); not forwarded"));
    }
  }

  /**
   * Whose call a second release of {@code entry} breaks: a child or a dictionary is released by its
   * parent's release (the producer's code: a consumer's own call on it is reported as {@link
   * Violation.Kind#CHILD_RELEASED_BY_CONSUMER} instead); a base structure by its owner, who may be a
   * consumer or, for a stream's results, a producer's stream release.
   */
  private static String whoReleases(ReleaseInterposer.Entry entry) {
    return entry.parent != null
        ? "the parent's release, the producer's, must call each child's and dictionary's release exactly once"
        : "a base structure's release must be called exactly once, by whoever owns it";
  }

  /**
   * The bytes of {@code struct} as its first release call left them, if it was released at {@code
   * address}: the producer's release, then the interposer's token in {@code private_data}. A
   * consumer that writes the struct after releasing it changes them.
   */
  public synchronized Optional<byte[]> imageAfterRelease(TrackedStruct struct, long address) {
    Released at = released.get(struct);
    return at == null || at.address != address ? Optional.empty() : Optional.of(at.image.clone());
  }

  private record Released(long address, byte[] image) {}

  synchronized void released(ReleaseInterposer.Entry entry, long address, byte[] image) {
    released.put(entry.struct, new Released(address, image));
  }

  synchronized void violation(Violation violation) {
    violations.add(violation);
  }

  /** Reports a call on a struct no open ledger tracks to every ledger open now. */
  static void reportOrphan(Violation violation) {
    OPEN.forEach(ledger -> ledger.violation(violation));
  }

  private ReleaseInterposer.Entry entryOf(TrackedStruct struct) {
    return entries.stream().filter(e -> e.struct.equals(struct)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(struct + " is not tracked by this ledger"));
  }
}
