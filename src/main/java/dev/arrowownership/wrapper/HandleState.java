package dev.arrowownership.wrapper;

/** Lifecycle states of an owning handle ({@link RecordBatchData} or any {@link OwnershipCore}). */
public enum HandleState {
  /** Open, owns nothing: both {@code release} pointers are NULL (the C++ default-constructed state). */
  EMPTY,
  /** Open and owns content: closing it will call {@code release} exactly once. */
  OWNED,
  /** An operation holds the handle exclusively; other callers wait for it to finish. */
  BUSY,
  /** Closed: content released, struct memory freed. Terminal. */
  CLOSED
}
