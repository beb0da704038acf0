package dev.arrowownership.conformance;

/**
 * Thrown, as the kit records it, when a consumer's {@code consume()} returned and closing its result
 * then threw: the consumer took the input, so this is not a refusal of it (a refusal is a throw from
 * {@code consume()} itself), and the rules that report a clean refusal as {@link
 * RuleResult.Status#UNSUPPORTED} fail it instead.
 */
final class ResultCloseFailed extends Exception {
  private static final long serialVersionUID = 1L;

  ResultCloseFailed(Throwable cause) {
    super("consume() returned, then closing its result threw " + cause, cause);
  }

  /** A consumer's {@code consume()} call. */
  @FunctionalInterface
  interface Consume {
    AutoCloseable call() throws Exception;
  }

  /** Whether {@code thrown} (null: nothing was) is a refusal of the input: thrown by {@code consume()} itself. */
  static boolean isRefusal(Throwable thrown) {
    return thrown != null && !(thrown instanceof ResultCloseFailed);
  }

  /**
   * Calls {@code consume}, then {@code afterConsume} whether it returned or threw (before the result
   * is closed: what the consumer left in the caller's structs is read there), then closes the result.
   *
   * @return what {@code consume()} threw, a {@link ResultCloseFailed} wrapping what closing its result
   *     threw, or null
   */
  static Throwable consumeThenClose(Consume consume, Runnable afterConsume) {
    AutoCloseable result;
    try {
      result = consume.call();
    } catch (Throwable refused) {
      afterConsume.run();
      return refused;
    }
    afterConsume.run();
    if (result != null) {
      try {
        result.close();
      } catch (Throwable closing) {
        return new ResultCloseFailed(closing);
      }
    }
    return null;
  }
}
