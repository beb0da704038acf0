package dev.arrowownership.libraries;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.support.LeakRescue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;

/**
 * One stream {@link StreamInterposer} interposed on: its release calls, and every schema and array
 * it yielded, tracked in the ledger with their children and dictionaries.
 */
final class TrackedStream {
  private final ReleaseLedger ledger;
  private final String label;
  // The producer's own function pointers, which the interposer forwards to.
  final long getSchema;
  final long getNext;
  final long getLastError;
  final long release;
  private final List<List<TrackedStruct>> batches = new ArrayList<>(); // trees; guarded by this
  private final List<List<TrackedStruct>> schemas = new ArrayList<>(); // trees; guarded by this
  private final List<ArrowArray.Snapshot> saved = new ArrayList<>(); // each batch as yielded; guarded by this
  private int releaseCalls; // guarded by this
  private Boolean releaseNulled; // guarded by this
  private int failGetNextAt = -1; // guarded by this
  private boolean injectedFailure; // guarded by this

  TrackedStream(ReleaseLedger ledger, String label, long getSchema, long getNext, long getLastError, long release) {
    this.ledger = ledger;
    this.label = label;
    this.getSchema = getSchema;
    this.getNext = getNext;
    this.getLastError = getLastError;
    this.release = release;
  }

  /**
   * Makes {@code get_next} fail (EIO, without asking the producer) once {@code batches} batches were
   * yielded, and on every call after: a producer error part way through the stream.
   */
  synchronized TrackedStream failGetNextAfter(int batches) {
    failGetNextAt = batches;
    return this;
  }

  synchronized boolean injectsFailureNow() {
    injectedFailure = failGetNextAt >= 0 && batches.size() >= failGetNextAt;
    return injectedFailure;
  }

  /** Whether the last {@code get_next} failed by injection. */
  synchronized boolean injectedFailure() {
    return injectedFailure;
  }

  // The whole tree, so that a consumer releasing a child itself is reported, not forwarded.
  synchronized void yielded(StructKind kind, long address) {
    List<List<TrackedStruct>> into = kind == StructKind.ARRAY ? batches : schemas;
    String name = label + (kind == StructKind.ARRAY ? ".batch" : ".schema") + into.size();
    into.add(ledger.trackTree(kind, address, name));
    if (kind == StructKind.ARRAY) {
      saved.add(ArrowArray.wrap(address).snapshot());
    }
  }

  /**
   * Releases, through a saved bitwise copy written into {@code scratch}, every yielded array whose
   * release was never called: the cleanup after a consumer observed to lose batches.
   *
   * @return how many it released
   */
  synchronized int releaseLostBatches(StructMemory scratch) {
    int released = 0;
    for (int i = 0; i < batches.size(); i++) {
      if (ledger.releaseCount(batches.get(i).get(0)) == 0) {
        LeakRescue.releaseThroughCopy(saved.get(i), scratch.array());
        released++;
      }
    }
    return released;
  }

  synchronized int releaseCall() {
    return ++releaseCalls;
  }

  synchronized void releaseNulled(boolean nulled) {
    releaseNulled = nulled;
  }

  /** Every array {@code get_next} yielded (the base structs), in order. */
  synchronized List<TrackedStruct> batches() {
    return batches.stream().map(tree -> tree.get(0)).toList();
  }

  /** Every schema {@code get_schema} yielded (the base structs), in order. */
  synchronized List<TrackedStruct> schemas() {
    return schemas.stream().map(tree -> tree.get(0)).toList();
  }

  /** The children and dictionaries, at any depth, of every array {@code get_next} yielded. */
  synchronized List<TrackedStruct> batchDescendants() {
    return batches.stream().flatMap(tree -> tree.subList(1, tree.size()).stream()).toList();
  }

  /** The children and dictionaries, at any depth, of every schema {@code get_schema} yielded. */
  synchronized List<TrackedStruct> schemaDescendants() {
    return schemas.stream().flatMap(tree -> tree.subList(1, tree.size()).stream()).toList();
  }

  /** How many times the stream's {@code release} was called. */
  synchronized int releaseCalls() {
    return releaseCalls;
  }

  /** Whether the producer's release set {@code release} to NULL; null until it ran. */
  synchronized Boolean releaseNulled() {
    return releaseNulled;
  }
}
