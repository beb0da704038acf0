package dev.arrowownership.wrapper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A pure-Java payload: its content is a token, and every release is counted per token. */
final class TokenPayload implements Payload {
  private final Map<Long, AtomicInteger> releases;
  private long token;
  boolean freed;

  TokenPayload(Map<Long, AtomicInteger> releases) {
    this.releases = releases;
  }

  static Map<Long, AtomicInteger> newCounts() {
    return new ConcurrentHashMap<>();
  }

  void fill(long newToken) {
    token = newToken;
  }

  long token() {
    return token;
  }

  @Override
  public boolean isOwned() {
    return token != 0;
  }

  @Override
  public void moveTo(Payload target) {
    TokenPayload to = (TokenPayload) target;
    if (to.isOwned()) {
      throw new IllegalStateException("target owns " + to.token);
    }
    to.token = token;
    token = 0;
  }

  @Override
  public void release() {
    if (token != 0) {
      releases.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
      token = 0;
    }
  }

  @Override
  public void free() {
    freed = true;
  }
}
