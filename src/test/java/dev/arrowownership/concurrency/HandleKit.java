package dev.arrowownership.concurrency;

/**
 * Makes handles and frames over counted batches, one kit per race, and counts how often each batch
 * was released. Every handle and frame a kit makes, including those that moves and extractions
 * create, is closed by {@link #closeAllAndCount}.
 */
public interface HandleKit {

  /** A new handle that owns a new batch. */
  Handle owning();

  /** A new empty handle. */
  Handle empty();

  /**
   * A new frame that owns {@code batches} new batches.
   *
   * @throws UnsupportedOperationException if this implementation has no frame
   */
  Frame frame(int batches);

  /**
   * Closes everything this kit made, then reports how many times each batch was released, in the
   * order the batches were made, as {@code "1"} or {@code "1/1"}: exactly once is all ones.
   */
  String closeAllAndCount();
}
