package dev.arrowownership.wrapper;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Function;

/**
 * One atomic lifecycle state with an exclusive "busy" state: the single CAS through which every
 * ownership transition of a handle or a frame passes.
 *
 * <p>{@link #claim} moves the cell from an open state to {@code busy} and returns the state it left;
 * the caller then does its work and {@link #publish publishes} the next state. A claimer that finds
 * the cell busy spins briefly: every busy section is short and never calls a foreign {@code release}
 * (releases happen after publishing). A thread that re-enters its own busy cell gets an exception
 * instead of a deadlock.
 *
 * @param <S> the lifecycle enum
 */
final class StateCell<S extends Enum<S>> {
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(StateCell.class, "state", Enum.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final S busy;
  private final S closed;
  private final Function<S, String> describer;
  @SuppressWarnings("unused") // accessed through STATE
  private volatile Enum<S> state;
  private volatile Thread busyOwner;

  /**
   * @param initial the first state
   * @param busy the exclusive state
   * @param closed the terminal state
   * @param describer names the owner and the given state, for exception messages
   */
  StateCell(S initial, S busy, S closed, Function<S, String> describer) {
    this.state = Objects.requireNonNull(initial);
    this.busy = busy;
    this.closed = closed;
    this.describer = describer;
  }

  @SuppressWarnings("unchecked")
  S get() {
    return (S) STATE.getVolatile(this);
  }

  /**
   * Takes the cell exclusively. Throws {@link IllegalStateException} if it is closed.
   *
   * @return the state the cell was in
   */
  S claim(String operation) {
    for (int spins = 0; ; spins++) {
      S s = get();
      if (s == closed) {
        throw new IllegalStateException(describer.apply(s) + ": cannot " + operation);
      }
      if (s == busy) {
        awaitOther(operation, spins);
      } else if (STATE.compareAndSet(this, s, busy)) {
        busyOwner = Thread.currentThread();
        return s;
      }
    }
  }

  /**
   * Moves the cell to {@code closed} unless it already is.
   *
   * @return the state it left, or {@code null} if it was already closed
   */
  S close() {
    for (int spins = 0; ; spins++) {
      S s = get();
      if (s == closed) {
        return null;
      }
      if (s == busy) {
        awaitOther("close", spins);
      } else if (STATE.compareAndSet(this, s, closed)) {
        return s;
      }
    }
  }

  /** Ends the caller's exclusive section with state {@code next}. */
  void publish(S next) {
    busyOwner = null; // cleared first, so a waiter never sees its own thread from an earlier claim
    STATE.setVolatile(this, next);
  }

  private void awaitOther(String operation, int spins) {
    if (busyOwner == Thread.currentThread()) {
      throw new IllegalStateException(
          describer.apply(busy) + ": cannot " + operation + " from inside its own operation");
    }
    if (spins < 64) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
  }
}
