package dev.arrowownership.ledger;

import dev.arrowownership.cdata.StructKind;

/**
 * What the interposer keeps for one interposed struct content: the producer's {@code release} and
 * {@code private_data}, its parent's record, how many times the content was released, and, while
 * the ledger that tracked it is open, that ledger's entry. Once the ledger closes, the record names
 * no ledger: it only forwards the first release to the producer, and goes when it has.
 */
final class ForwardOnce {
  final StructKind kind;
  final long token;
  final long release;
  final long privateData;
  final ForwardOnce parent; // null for a base struct
  private int calls; // guarded by this
  private ReleaseInterposer.Entry owner; // guarded by this; null once the owner's ledger closed

  /**
   * One release call as counted, atomically with the owner read, so a call is either counted
   * before its ledger closed (and is that ledger's) or after (and is nobody's).
   *
   * @param number 1 for the first call on this content, 2 or more for a double release
   * @param owner the entry of the ledger that tracks the content, null if that ledger has closed
   */
  record Call(int number, ReleaseInterposer.Entry owner) {}

  ForwardOnce(StructKind kind, long token, long release, long privateData, ForwardOnce parent,
      ReleaseInterposer.Entry owner) {
    this.kind = kind;
    this.token = token;
    this.release = release;
    this.privateData = privateData;
    this.parent = parent;
    this.owner = owner;
  }

  synchronized Call nextCall() {
    return new Call(++calls, owner);
  }

  synchronized int calls() {
    return calls;
  }

  /** The entry of the ledger that tracks this content, null once that ledger has closed. */
  synchronized ReleaseInterposer.Entry owner() {
    return owner;
  }

  /**
   * Forgets the owner; returns true if the content was released already, so that nothing is left
   * to forward and the record can go.
   */
  synchronized boolean detach() {
    owner = null;
    return calls > 0;
  }

  /**
   * True for a child released before its parent's release started. During the parent's release
   * (its call is counted before it is forwarded) is right; after it, only a child the consumer
   * moved out (spec: "Moving child arrays") can still be live, and releasing it is the consumer's job.
   */
  boolean releasedOutsideParent() {
    return parent != null && parent.calls() == 0;
  }
}
