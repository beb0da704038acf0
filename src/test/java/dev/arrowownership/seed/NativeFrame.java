package dev.arrowownership.seed;

import com.sun.jna.Pointer;

/**
 * A C++ {@code ArrowOutputFrame} as Python holds it, with the heap its extraction allocates Python
 * objects from. Closing deletes it (releasing what it still owns); use after close is refused here.
 */
final class NativeFrame {
  private final String name;
  private final Pointer object;
  private final int batches;
  private final PythonHeap heap;
  private boolean closed;

  NativeFrame(String name, Pointer object, int batches, PythonHeap heap) {
    this.name = name;
    this.object = object;
    this.batches = batches;
    this.heap = heap;
  }

  String name() {
    return name;
  }

  int batches() {
    return batches;
  }

  PythonHeap heap() {
    return heap;
  }

  /** The C++ object, for an operation named {@code operation}. @throws IllegalStateException if closed */
  Pointer object(String operation) {
    if (closed) {
      throw new IllegalStateException(name + " is closed: cannot " + operation);
    }
    return object;
  }

  /** Marks the frame closed; returns the object to delete, or null if it was closed already. */
  Pointer closeOnce() {
    if (closed) {
      return null;
    }
    closed = true;
    return object;
  }
}
