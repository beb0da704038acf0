package dev.arrowownership.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch of content in the pure-Java kits: an id and a count of the {@code release} calls it
 * received. A thread may record which batches it releases, so an operation's releases can
 * be compared with the model's.
 */
final class Batch {
  private static final ThreadLocal<List<Integer>> RECORDED = new ThreadLocal<>();

  final int id;
  private final AtomicInteger releases = new AtomicInteger();

  Batch(int id) {
    this.id = id;
  }

  /** Counts one {@code release} call. */
  void release() {
    releases.incrementAndGet();
    List<Integer> recorded = RECORDED.get();
    if (recorded != null) {
      recorded.add(id);
    }
  }

  int releases() {
    return releases.get();
  }

  /** Starts recording the batches this thread releases. */
  static void startRecording() {
    RECORDED.set(new ArrayList<>());
  }

  /** Stops recording and returns the ids of the batches this thread released since the start. */
  static List<Integer> stopRecording() {
    List<Integer> recorded = RECORDED.get();
    RECORDED.remove();
    return recorded;
  }
}
