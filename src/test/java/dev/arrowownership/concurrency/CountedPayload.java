package dev.arrowownership.concurrency;

import dev.arrowownership.wrapper.Payload;

/**
 * A pure-Java {@link Payload} whose content is a {@link Batch}, so the ownership core can be stressed
 * millions of times without Arrow. Unsynchronized, like a real struct pair: only the core's CAS keeps
 * two threads out of it.
 */
final class CountedPayload implements Payload {
  private Batch content;

  /** Sets the content of an empty payload, as a producer fills a zeroed struct. */
  void fill(Batch batch) {
    content = batch;
  }

  @Override
  public boolean isOwned() {
    return content != null;
  }

  @Override
  public void moveTo(Payload target) {
    CountedPayload to = (CountedPayload) target;
    to.content = content;
    content = null;
  }

  @Override
  public void release() {
    Batch owned = content;
    if (owned != null) {
      content = null;
      owned.release();
    }
  }

  @Override
  public void free() {}
}
