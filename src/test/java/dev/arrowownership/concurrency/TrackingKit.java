package dev.arrowownership.concurrency;

import java.util.Queue;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What every kit shares: it remembers how to close what it made and reports release counts. */
abstract class TrackingKit implements HandleKit {
  private final Queue<Runnable> closers = new ConcurrentLinkedQueue<>();
  private int batches;

  /** Remembers how to close {@code made}; safe to call from racing threads. */
  final <T> T track(T made, Runnable closer) {
    closers.add(closer);
    return made;
  }

  /** Numbers a new batch; batches are made before the race starts, on one thread. */
  final int nextBatch() {
    return batches++;
  }

  /** How many times batch {@code batch} was released. */
  abstract int releases(int batch);

  @Override
  public Frame frame(int batches) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no frame");
  }

  @Override
  public final String closeAllAndCount() {
    closers.forEach(Runnable::run);
    StringJoiner counts = new StringJoiner("/");
    for (int b = 0; b < batches; b++) {
      counts.add(Integer.toString(releases(b)));
    }
    return counts.toString();
  }
}
