package dev.arrowownership.wrapper;

/** Lifecycle states of an {@link ArrowOutputFrame}. */
public enum FrameState {
  /** Holds its batches; they can be extracted once. */
  OPEN,
  /** An extraction or close is in progress; other callers wait for it. */
  BUSY,
  /** The batches were handed out; a second extraction throws. */
  EXTRACTED,
  /** Closed: whatever the frame still owned was released. Terminal. */
  CLOSED
}
