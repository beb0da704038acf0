package dev.arrowownership.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The spin of a waiting claimer ends: with the holder's state, or with a clear exception. */
class StateCellTest {
  private static final long LIMIT_MILLIS = 50;

  private static StateCell<HandleState> cell(long limitMillis) {
    return new StateCell<>(HandleState.EMPTY, HandleState.BUSY, HandleState.CLOSED, s -> "h is " + s, limitMillis);
  }

  /** A claimer facing a holder that never publishes fails after the limit, naming the cell. */
  @Test
  void claimGivesUpOnAHolderThatNeverPublishes() throws Exception {
    assertGivesUp(c -> c.claim("fill"), "h is BUSY: cannot fill, another operation has held it for over 50 ms");
  }

  /**
   * A claim or close from inside the caller's own busy section (a re-entrant callback) is refused at
   * once, not waited on: the holder is the caller, so waiting could only end at the limit.
   */
  @Test
  void theHolderItselfIsRefusedAtOnce() {
    StateCell<HandleState> cell = cell(LIMIT_MILLIS);
    cell.claim("fill");
    assertThatThrownBy(() -> cell.claim("moveFrom")).isInstanceOf(IllegalStateException.class)
        .hasMessage("h is BUSY: cannot moveFrom from inside its own operation");
    assertThatThrownBy(cell::close).isInstanceOf(IllegalStateException.class)
        .hasMessage("h is BUSY: cannot close from inside its own operation");
    cell.publish(HandleState.EMPTY);
    assertThat(cell.close()).isEqualTo(HandleState.EMPTY);
  }

  /** Closing an idle cell leaves it closed: it reports CLOSED, and a second close finds nothing to close. */
  @Test
  void closeOfAnIdleCellLeavesItClosed() {
    StateCell<HandleState> cell = cell(LIMIT_MILLIS);
    cell.publish(HandleState.OWNED);
    assertThat(cell.close()).isEqualTo(HandleState.OWNED);
    assertThat(cell.get()).isEqualTo(HandleState.CLOSED);
    assertThat(cell.close()).isNull();
  }

  /** close() waits the same bounded time. */
  @Test
  void closeGivesUpOnAHolderThatNeverPublishes() throws Exception {
    assertGivesUp(StateCell::close, "h is BUSY: cannot close, another operation has held it for over 50 ms");
  }

  /** A holder that publishes within the limit hands the cell over with the state it published. */
  @Test
  void waiterGetsTheStateTheHolderPublishes() throws Exception {
    StateCell<HandleState> cell = cell(10_000);
    CountDownLatch held = new CountDownLatch(1);
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
      cell.claim("fill");
      held.countDown();
      sleep(100); // long enough for the waiter to pass its 64 quick spins and start yielding
      cell.publish(HandleState.OWNED);
    });
    held.await();
    assertThat(cell.claim("moveFrom")).isEqualTo(HandleState.OWNED);
    assertThat(cell.get()).isEqualTo(HandleState.BUSY);
    holder.get(10, TimeUnit.SECONDS);
    cell.publish(HandleState.EMPTY);
    assertThat(cell.close()).isEqualTo(HandleState.EMPTY);
    assertThat(cell.close()).isNull();
  }

  /** A closed cell refuses a claim at once, naming the state. */
  @Test
  void closedCellRefusesClaims() {
    StateCell<HandleState> cell = cell(LIMIT_MILLIS);
    cell.close();
    assertThatThrownBy(() -> cell.claim("fill")).isInstanceOf(IllegalStateException.class)
        .hasMessage("h is CLOSED: cannot fill");
  }

  private static void assertGivesUp(Function<StateCell<HandleState>, ?> waiter, String message) throws Exception {
    StateCell<HandleState> cell = cell(LIMIT_MILLIS);
    CompletableFuture.runAsync(() -> cell.claim("hold")).get(10, TimeUnit.SECONDS); // never published
    long start = System.nanoTime();
    assertThatThrownBy(() -> waiter.apply(cell)).isInstanceOf(IllegalStateException.class).hasMessage(message);
    assertThat(System.nanoTime() - start).as("waited at least the limit")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS));
    assertThat(cell.get()).isEqualTo(HandleState.BUSY);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
