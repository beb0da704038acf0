package dev.arrowownership.nativecode;

/**
 * A native entry point returned a non-zero errno: the kit treats it as the target's failure (a
 * consumer or producer that refused, or failed on an injected allocation fault).
 */
public final class NativeCallFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String symbol;
  private final int errno;

  NativeCallFailed(String symbol, int errno) {
    super(symbol + " returned " + errno + Errno.nameOf(errno).map(name -> " (" + name + ")").orElse(""));
    this.symbol = symbol;
    this.errno = errno;
  }

  /** The entry point that failed. */
  public String symbol() {
    return symbol;
  }

  /** What it returned. */
  public int errno() {
    return errno;
  }
}
