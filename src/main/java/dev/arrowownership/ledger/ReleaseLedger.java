package dev.arrowownership.ledger;

import dev.arrowownership.cdata.StructKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every real {@code release} call on the structs it tracks, from any thread, and refuses to
 * forward a second one, so a double release is reported instead of crashing the process.
 *
 * <p>{@link #track} interposes on a live struct, whoever produced it: the struct's {@code release}
 * becomes a JNA callback and its {@code private_data} a token; the producer's pointers are kept.
 * The first call restores them and forwards to the producer's {@code release}; any later call on
 * the same content (through a stale bitwise copy) is recorded as {@link Violation.Kind#DOUBLE_RELEASE}
 * and sets {@code release} to NULL without forwarding. {@link #track} interposes on the base struct
 * only; {@link #trackTree} also on its children and dictionaries, to catch a consumer that
 * releases them itself.
 *
 * <p>Closing a ledger forgets released structs; a struct still unreleased keeps forwarding, so a
 * late release is never lost.
 */
public final class ReleaseLedger implements AutoCloseable {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final List<Violation> ORPHANS = Collections.synchronizedList(new ArrayList<>());

  private final List<ReleaseInterposer.Entry> entries = new ArrayList<>(); // guarded by this
  private final List<ReleaseEvent> events = new ArrayList<>(); // guarded by this
  private final List<Violation> violations = new ArrayList<>(); // guarded by this
  private final Map<TrackedStruct, Released> released = new HashMap<>(); // guarded by this
  private final int orphansAtStart = ORPHANS.size();

  /**
   * Interposes on the live struct at {@code address}.
   *
   * @throws IllegalArgumentException if {@code address} is 0
   * @throws IllegalStateException if the struct is released or already tracked
   */
  public TrackedStruct track(StructKind kind, long address, String label) {
    return add(ReleaseInterposer.install(this, kind, address, label, null)).struct;
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
    ReleaseInterposer.Entry entry = add(ReleaseInterposer.install(this, kind, address, label, parent));
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

  private synchronized ReleaseInterposer.Entry add(ReleaseInterposer.Entry entry) {
    entries.add(entry);
    return entry;
  }

  /** Interposes on an array and its schema; returns {@code [array, schema]}. */
  public TrackedBatch trackBatch(long arrayAddress, long schemaAddress, String label) {
    return new TrackedBatch(track(StructKind.ARRAY, arrayAddress, label), track(StructKind.SCHEMA, schemaAddress, label));
  }

  /** The tracked struct whose live content is at {@code address}, if any. */
  public static Optional<TrackedStruct> identify(StructKind kind, long address) {
    return Optional.ofNullable(ReleaseInterposer.identify(kind, address));
  }

  /** How many times {@code release} was called on {@code struct}'s content. */
  public synchronized int releaseCount(TrackedStruct struct) {
    return entryOf(struct).calls();
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

  /** Every rule broken so far, including callbacks on unknown structs since this ledger opened. */
  public List<Violation> violations() {
    List<Violation> all;
    synchronized (this) {
      all = new ArrayList<>(violations);
    }
    synchronized (ORPHANS) {
      all.addAll(ORPHANS.subList(Math.min(orphansAtStart, ORPHANS.size()), ORPHANS.size()));
    }
    return all;
  }

  /** The tracked structs whose content has not been released yet. */
  public synchronized List<TrackedStruct> unreleased() {
    return entries.stream().filter(e -> e.calls() == 0).map(e -> e.struct).toList();
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

  /** Forgets released structs. Unreleased ones stay interposed and still forward when released. */
  @Override
  public synchronized void close() {
    entries.stream().filter(e -> e.calls() > 0).forEach(ReleaseInterposer::forget);
  }

  synchronized void record(ReleaseInterposer.Entry entry, long address, int call) {
    events.add(new ReleaseEvent(SEQUENCE.incrementAndGet(), entry.struct, address,
        Thread.currentThread().getName(), call));
    if (call > 1) {
      violations.add(new Violation(Violation.Kind.DOUBLE_RELEASE, entry.struct,
          "release call #" + call + " at 0x" + Long.toHexString(address)
              + " (spec: the consumer must call release exactly once); not forwarded"));
    }
  }

  /**
   * The bytes of {@code struct} as its release left them, if it was released at {@code address}:
   * a consumer that writes the struct after releasing it changes them.
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

  static void reportOrphan(Violation violation) {
    ORPHANS.add(violation);
  }

  private ReleaseInterposer.Entry entryOf(TrackedStruct struct) {
    return entries.stream().filter(e -> e.struct.equals(struct)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(struct + " is not tracked by this ledger"));
  }
}
