package dev.arrowownership.ledger;

/**
 * One call of an interposed {@code release} callback.
 *
 * @param sequence global order of the call
 * @param struct which struct's content was released
 * @param structAddress the address the callback was called with (differs from the original after a move)
 * @param thread the name of the calling thread
 * @param call 1 for the first call on this content, 2 or more for a double release
 */
public record ReleaseEvent(long sequence, TrackedStruct struct, long structAddress, String thread, int call) {
  /** True if this call was forwarded to the producer's original {@code release}. */
  public boolean forwarded() {
    return call == 1;
  }
}
