package dev.arrowownership.concurrency;

import java.util.List;

/** An output frame as the racing-pair tests drive it: {@code ArrowOutputFrame}'s hand-out and close. */
public interface Frame {

  /**
   * Moves every batch to the caller as new handles.
   *
   * @throws IllegalStateException if the batches were already extracted or the frame is closed
   */
  List<Handle> extractRecordBatches();

  /** Releases whatever the frame still owns. Idempotent. */
  void close();
}
