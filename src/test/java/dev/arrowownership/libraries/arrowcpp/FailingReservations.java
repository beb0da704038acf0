package dev.arrowownership.libraries.arrowcpp;

import dev.arrowownership.conformance.AllocationFaults;
import org.apache.arrow.dataset.jni.ReservationListener;

/**
 * The fault hook of a listenable Arrow C++ memory pool: Arrow C++ asks this listener before it
 * grows the pool (in blocks of 512 KiB), and a reservation it refuses fails that allocation with an
 * error status. Reservations are counted from the last {@link #failAt}; C++ threads call in, hence
 * the locking.
 */
final class FailingReservations implements ReservationListener, AllocationFaults {
  private int failAt = -1; // guarded by this
  private int calls; // guarded by this
  private boolean fired; // guarded by this

  @Override
  public synchronized void reserve(long size) {
    if (failAt >= 0 && calls++ == failAt) {
      fired = true;
      throw new IllegalStateException("kit: reservation #" + failAt + " of " + size + " bytes refused");
    }
  }

  @Override
  public void unreserve(long size) {
    // Nothing to give back: this listener keeps no count of its own (the pool reports its bytes).
  }

  @Override
  public synchronized void failAt(int k) {
    failAt = k;
    calls = 0;
    fired = false;
  }

  @Override
  public synchronized boolean disarm() {
    failAt = -1;
    boolean happened = fired;
    fired = false;
    return happened;
  }
}
