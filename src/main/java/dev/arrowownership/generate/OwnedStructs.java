package dev.arrowownership.generate;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.ArrowBuf;

/**
 * The release callbacks of the structs {@link NativeLayoutWriter} writes, and what each struct owns,
 * keyed by the token in its {@code private_data} (so a moved struct is released as well as the
 * original). A release releases the children and the dictionary it is to release, through their
 * own {@code release} pointers as a C producer does, frees the struct's buffers and its children's
 * struct memory, then sets {@code release} to NULL (spec: "Released structure").
 */
final class OwnedStructs {
  private static final Map<Long, Owned> OWNED = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong(0x1A70_0000_0000_0000L);
  private static final AtomicReference<Throwable> LAST_FAILURE = new AtomicReference<>();
  // Static, hence strongly reachable while C holds the pointers; exceptions cannot cross into C.
  private static final NativeCallbacks.Release ARRAY_RELEASE = s -> release(StructKind.ARRAY, s);
  private static final NativeCallbacks.Release SCHEMA_RELEASE = s -> release(StructKind.SCHEMA, s);
  static final long ARRAY_RELEASE_POINTER = NativeCallbacks.pointerOf(ARRAY_RELEASE);
  static final long SCHEMA_RELEASE_POINTER = NativeCallbacks.pointerOf(SCHEMA_RELEASE);

  /**
   * What one struct owns.
   *
   * @param memory freed by its release: its buffers, strings, pointer arrays and its children's structs
   * @param released the children (and dictionary) its release releases first
   */
  record Owned(List<ArrowBuf> memory, List<Long> released) {}

  private OwnedStructs() {}

  /** Registers what a new struct owns; returns the token for its {@code private_data}. */
  static long register(Owned owned) {
    long token = TOKENS.incrementAndGet();
    OWNED.put(token, owned);
    return token;
  }

  /** Forgets a struct never handed out (its memory is freed by the caller). */
  static void forget(long token) {
    OWNED.remove(token);
  }

  /** The number of structs written and not yet released, in every writer. */
  static int live() {
    return OWNED.size();
  }

  /** What the last release that failed threw, if any (it cannot reach the caller through C). */
  static Throwable lastFailure() {
    return LAST_FAILURE.get();
  }

  private static void release(StructKind kind, Pointer struct) {
    long address = Pointer.nativeValue(struct);
    try {
      Owned owned = OWNED.remove(kind.privateData(address));
      if (owned != null) {
        for (long child : owned.released()) {
          if (kind.isLive(child)) {
            Function.getFunction(new Pointer(kind.release(child))).invoke(new Object[] {new Pointer(child)});
          }
        }
        owned.memory().forEach(ArrowBuf::close);
      }
    } catch (RuntimeException | Error e) {
      LAST_FAILURE.set(e);
    }
    kind.setRelease(address, 0);
  }
}
