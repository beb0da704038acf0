package dev.arrowownership.nativecode;

/**
 * A native target could not be bound: the library does not load, or it lacks a symbol it was
 * asked for. The message names the library and the symbol, and what the loader said.
 */
public final class NativeTargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NativeTargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
