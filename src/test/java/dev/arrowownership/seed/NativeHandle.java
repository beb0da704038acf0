package dev.arrowownership.seed;

import com.sun.jna.Pointer;

/**
 * A C++ {@code RecordBatchData} as Python holds it: a pointer to the shim's object and a name.
 * Closing destroys the object and frees its memory (Python dropping it), so a closed handle's
 * pointer is dangling: every use after close is refused here, before the C++ side is reached.
 */
final class NativeHandle {
  private final String name;
  private final Pointer object;
  private boolean closed;

  NativeHandle(String name, Pointer object) {
    this.name = name;
    this.object = object;
  }

  String name() {
    return name;
  }

  /** The C++ object, for an operation named {@code operation}. @throws IllegalStateException if closed */
  Pointer object(String operation) {
    if (closed) {
      throw new IllegalStateException(name + " is closed: cannot " + operation);
    }
    return object;
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks the handle closed; returns the object to destroy, or null if it was closed already. */
  Pointer closeOnce() {
    if (closed) {
      return null;
    }
    closed = true;
    return object;
  }

  @Override
  public String toString() {
    return name + (closed ? " (closed)" : "");
  }
}
