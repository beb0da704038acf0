package dev.arrowownership.seed;

/** A shim entry point returned an errno that is neither success nor misuse: a fault of the fixture's, named by symbol. */
final class ShimCallFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ShimCallFailed(String symbol, int errno) {
    super(symbol + " returned errno " + errno);
  }
}
