package dev.arrowownership.reliability;

import dev.arrowownership.wrapper.Payload;
import java.util.concurrent.atomic.AtomicInteger;

/** A pure-Java payload that owns a flag and counts its releases. */
final class CountingPayload implements Payload {
  final AtomicInteger releases = new AtomicInteger();
  private boolean owned;

  void own() {
    owned = true;
  }

  @Override
  public boolean isOwned() {
    return owned;
  }

  @Override
  public void moveTo(Payload target) {
    throw new UnsupportedOperationException("not moved in these tests");
  }

  @Override
  public void release() {
    if (owned) {
      releases.incrementAndGet();
      owned = false;
    }
  }

  @Override
  public void free() {}
}
