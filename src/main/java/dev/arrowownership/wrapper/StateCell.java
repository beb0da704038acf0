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
 * instead of a deadlock, and a claimer that waits longer than the spin limit (a holder that never
 * publishes: a bug, never a slow release) gets an exception naming the owner instead of a hang.
 *
 * @param <S> the lifecycle enum
 */
final class StateCell<S extends Enum<S>> {
  /**
   * How long a claimer waits for another thread's busy section before it gives up, in
   * milliseconds ({@code -Darrowownership.spin.limit.ms}); busy sections take microseconds.
   */
  static final long SPIN_LIMIT_MILLIS = Long.getLong("arrowownership.spin.limit.ms", 10_000L);

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
  private final long spinLimitNanos;
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
    this(initial, busy, closed, describer, SPIN_LIMIT_MILLIS);
  }

  /** As above, with a spin limit of {@code spinLimitMillis}. */
  StateCell(S initial, S busy, S closed, Function<S, String> describer, long spinLimitMillis) {
    this.state = Objects.requireNonNull(initial);
    this.busy = busy;
    this.closed = closed;
    this.describer = describer;
    this.spinLimitNanos = spinLimitMillis * 1_000_000L;
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
    long waitingSince = 0;
    for (int spins = 0; ; spins++) {
      S s = get();
      if (s == closed) {
        throw new IllegalStateException(describer.apply(s) + ": cannot " + operation);
      }
      if (s == busy) {
        waitingSince = awaitOther(operation, spins, waitingSince);
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
    long waitingSince = 0;
    for (int spins = 0; ; spins++) {
      S s = get();
      if (s == closed) {
        return null;
      }
      if (s == busy) {
        waitingSince = awaitOther("close", spins, waitingSince);
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

  /**
   * Waits a moment for another thread's busy section; throws if the caller holds it itself or the
   * wait, which started at {@code waitingSince} (0: now), exceeds the spin limit.
   *
   * @return when the wait started
   */
  private long awaitOther(String operation, int spins, long waitingSince) {
    if (busyOwner == Thread.currentThread()) {
      throw new IllegalStateException(
          describer.apply(busy) + ": cannot " + operation + " from inside its own operation");
    }
    long now = System.nanoTime();
    long since = waitingSince == 0 ? now : waitingSince;
    if (now - since > spinLimitNanos) {
      throw new IllegalStateException(describer.apply(busy) + ": cannot " + operation
          + ", another operation has held it for over " + spinLimitNanos / 1_000_000L + " ms");
    }
    if (spins < 64) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
    return since;
  }
}
