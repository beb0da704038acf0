package dev.arrowownership.generate;

import static dev.arrowownership.cdata.StreamField.GET_LAST_ERROR;
import static dev.arrowownership.cdata.StreamField.GET_NEXT;
import static dev.arrowownership.cdata.StreamField.GET_SCHEMA;
import static dev.arrowownership.cdata.StreamField.PRIVATE_DATA;
import static dev.arrowownership.cdata.StreamField.RELEASE;

import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live {@code ArrowArrayStream} the kit plants in the struct it hands a stream producer to fill:
 * the struct's content is not the producer's, so none of these callbacks may ever run. Each one
 * counts its calls and does nothing else; the release also marks the struct released, as a release
 * must. The canary owns no memory: a struct still holding it needs no release.
 */
public final class CanaryStream implements AutoCloseable {
  private static final int EINVAL = 22;
  private static final Map<Long, CanaryStream> CANARIES = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong(0xCA9A_0000_0000_0000L);
  // Static, hence strongly reachable: C holds only the pointers. Exceptions cannot cross into C.
  private static final NativeCallbacks.Getter GETTER = (stream, out) -> {
    count(stream, false);
    return EINVAL;
  };
  private static final NativeCallbacks.ErrorGetter LAST_ERROR = stream -> {
    count(stream, false);
    return null;
  };
  private static final NativeCallbacks.Release RELEASE_FN = stream -> {
    count(stream, true);
    RELEASE.set(Pointer.nativeValue(stream), 0);
  };
  private static final long GETTER_POINTER = NativeCallbacks.pointerOf(GETTER);
  private static final long LAST_ERROR_POINTER = NativeCallbacks.pointerOf(LAST_ERROR);
  private static final long RELEASE_POINTER = NativeCallbacks.pointerOf(RELEASE_FN);

  private final long token = TOKENS.incrementAndGet();
  private final AtomicInteger releaseCalls = new AtomicInteger();
  private final AtomicInteger otherCalls = new AtomicInteger();

  private CanaryStream() {}

  /** Writes a live canary stream into the struct at {@code address}. */
  public static CanaryStream plant(long address) {
    CanaryStream canary = new CanaryStream();
    CANARIES.put(canary.token, canary);
    GET_SCHEMA.set(address, GETTER_POINTER);
    GET_NEXT.set(address, GETTER_POINTER);
    GET_LAST_ERROR.set(address, LAST_ERROR_POINTER);
    PRIVATE_DATA.set(address, canary.token);
    RELEASE.set(address, RELEASE_POINTER);
    return canary;
  }

  /** How many times its release was called. */
  public int releaseCalls() {
    return releaseCalls.get();
  }

  /** How many times its get_schema, get_next or get_last_error was called. */
  public int otherCalls() {
    return otherCalls.get();
  }

  /** True if the struct at {@code address} still holds this canary, all five fields as planted. */
  public boolean intactAt(long address) {
    return GET_SCHEMA.get(address) == GETTER_POINTER && GET_NEXT.get(address) == GETTER_POINTER
        && GET_LAST_ERROR.get(address) == LAST_ERROR_POINTER && PRIVATE_DATA.get(address) == token
        && RELEASE.get(address) == RELEASE_POINTER;
  }

  /** True if {@code release} is this kind of canary's release callback. */
  public static boolean isCanaryRelease(long release) {
    return release == RELEASE_POINTER;
  }

  /** Forgets the canary: a later call through a copy of it is counted nowhere. */
  @Override
  public void close() {
    CANARIES.remove(token);
  }

  private static void count(Pointer stream, boolean release) {
    CanaryStream canary = CANARIES.get(PRIVATE_DATA.get(Pointer.nativeValue(stream)));
    if (canary != null) {
      (release ? canary.releaseCalls : canary.otherCalls).incrementAndGet();
    }
  }
}
