package dev.arrowownership.concurrency;

/**
 * A move-only handle as the racing-pair tests drive it: the operations of {@code RecordBatchData}
 * that change ownership, over any implementation a {@link HandleKit} makes.
 */
public interface Handle {

  /** Closes the handle, releasing what it owns; true if and only if this call closed it. */
  boolean close();

  /**
   * Moves the content into a new handle and leaves this one empty.
   *
   * @throws IllegalStateException if this handle is closed
   */
  Handle moveFrom();

  /**
   * Releases what this handle owns, then moves {@code source}'s content into it.
   *
   * @throws IllegalStateException if either handle is closed
   */
  void moveAssign(Handle source);

  /** True if and only if the handle is open and owns content. */
  boolean isOwned();
}
