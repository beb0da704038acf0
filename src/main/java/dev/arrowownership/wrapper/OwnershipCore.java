package dev.arrowownership.wrapper;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ownership rules of a move-only handle, in pure Java: the Rule of Five of the C++ seed made into
 * explicit, atomic operations over a {@link Payload}.
 *
 * <ul>
 *   <li>A new core owns nothing ({@link HandleState#EMPTY}), like a zeroed struct.
 *   <li>{@link #fill} lets a producer write content into an empty core; an owning core is rejected,
 *       since overwriting would leak what it owns.
 *   <li>{@link #moveInto} moves content into a fresh core and leaves the source empty but usable.
 *   <li>{@link #moveAssign} releases what the destination owned, then takes the source's content.
 *       Moving a core into itself changes nothing and releases nothing.
 *   <li>{@link #close} releases whatever is still owned, exactly once, and frees the payload.
 * </ul>
 *
 * <p>Every transition passes through one CAS on the state; no foreign {@code release} is called
 * while the core is held exclusively. Operations on a closed core throw {@link
 * IllegalStateException} naming the core and its state.
 *
 * @param <P> the payload type
 */
public final class OwnershipCore<P extends Payload> {
  private static final AtomicLong ORDER = new AtomicLong();

  /** Global claim order, so two-core operations cannot deadlock against each other. */
  private final long order = ORDER.incrementAndGet();

  /** The name, or with a serial number above 0, the prefix of {@code prefix#serial}. */
  private final String prefix;
  private final long serial;
  private final P payload;
  private final StateCell<HandleState> cell;

  /** Creates an empty core over {@code payload}, which must own nothing. */
  public OwnershipCore(String name, P payload) {
    this(name, 0, payload);
  }

  /**
   * Creates an empty core named {@code prefix + "#" + serial} (or {@code prefix} when {@code serial}
   * is 0), a name built only when a message or {@link #name()} needs it.
   */
  OwnershipCore(String prefix, long serial, P payload) {
    this.prefix = Objects.requireNonNull(prefix, "name");
    this.serial = serial;
    this.payload = Objects.requireNonNull(payload, "payload");
    if (payload.isOwned()) {
      throw new IllegalArgumentException(name() + ": a new handle must start empty");
    }
    this.cell = new StateCell<>(HandleState.EMPTY, HandleState.BUSY, HandleState.CLOSED, this::describe);
  }

  /** The name used in messages. */
  public String name() {
    return serialName(prefix, serial); // built per call: only messages and reports ask for it
  }

  /** {@code prefix#serial}, or {@code prefix} alone when {@code serial} is 0. */
  static String serialName(String prefix, long serial) {
    return serial == 0 ? prefix : prefix + "#" + serial;
  }

  /** The current state. */
  public HandleState state() {
    return cell.get();
  }

  /**
   * Runs {@code producer} on the empty payload. If the producer fails, whatever it already set
   * stays owned by this core, so {@link #close} still releases it.
   *
   * @throws IllegalStateException if this core owns content or is closed
   */
  public void fill(Consumer<? super P> producer) {
    Objects.requireNonNull(producer, "producer");
    HandleState before = cell.claim("fill");
    if (before == HandleState.OWNED) {
      cell.publish(before);
      throw new IllegalStateException(describe(before) + ": cannot fill, it would leak what it owns");
    }
    try {
      producer.accept(payload);
    } finally {
      publishSynced();
    }
  }

  /**
   * Moves all of {@code source}'s content into {@code target}, a core no other thread can see yet.
   * The source is left empty and stays usable.
   *
   * @throws IllegalStateException if either core is closed or {@code target} owns content
   */
  public static <P extends Payload> void moveInto(
      OwnershipCore<P> source, OwnershipCore<P> target, String operation) {
    target.transfer(source, () -> {
      throw new IllegalStateException(target.describe(target.state()) + ": move target must be empty");
    }, operation);
  }

  /**
   * Moves this core's content, if any, into {@code target}, a payload no other thread can see and
   * that owns nothing. This core is left empty and stays usable; the caller owns what was taken and
   * must release it. Cheaper than {@link #moveInto} when the content leaves the handle for good.
   *
   * @throws IllegalStateException if this core is closed
   */
  public void moveOut(P target, String operation) {
    Objects.requireNonNull(target, "target");
    cell.claim(operation);
    try {
      payload.moveTo(target); // an empty payload moves nothing
    } finally {
      publishSynced();
    }
  }

  /**
   * Releases what this core owns, then takes {@code source}'s content, leaving the source empty.
   * {@code core.moveAssign(core)} releases nothing and changes nothing.
   *
   * @param spares makes an empty payload to hold the old content while it is released outside
   *     the exclusive section; called only when this core owns something
   * @throws IllegalStateException if either core is closed
   */
  public void moveAssign(OwnershipCore<P> source, Supplier<? extends P> spares) {
    transfer(source, spares, "moveAssign");
  }

  private void transfer(OwnershipCore<P> source, Supplier<? extends P> spares, String operation) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(spares, "spares");
    if (source == this) {
      cell.publish(cell.claim(operation));
      return;
    }
    P spare = null;
    try {
      while (true) {
        // Each pass starts without a spare: the loop repeats only when none was taken (below).
        if (state() == HandleState.OWNED) {
          spare = spares.get(); // may fail: nothing has changed yet
        }
        OwnershipCore<P> first = order < source.order ? this : source;
        OwnershipCore<P> second = first == this ? source : this;
        first.cell.claim(operation);
        try {
          second.cell.claim(operation);
        } catch (RuntimeException e) {
          first.publishSynced();
          throw e;
        }
        if (payload.isOwned() && spare == null) {
          // Became owned since the check above: allocate outside the exclusive section and retry.
          second.publishSynced();
          first.publishSynced();
          continue;
        }
        if (payload.isOwned()) {
          payload.moveTo(spare);
        }
        if (source.payload.isOwned()) {
          source.payload.moveTo(payload);
        }
        second.publishSynced();
        first.publishSynced();
        break;
      }
    } finally {
      if (spare != null) {
        releaseAndFree(spare);
      }
    }
  }

  /**
   * Runs {@code consumer} with exclusive access to an owning payload, for a consumer that takes
   * ownership (an importer) or reads it.
   *
   * @throws IllegalStateException if this core owns nothing or is closed
   */
  public <R> R consume(String operation, Function<? super P, R> consumer) {
    HandleState before = cell.claim(operation);
    if (before != HandleState.OWNED) {
      cell.publish(before);
      throw new IllegalStateException(describe(before) + ": cannot " + operation + ", it owns nothing");
    }
    try {
      return consumer.apply(payload);
    } finally {
      publishSynced();
    }
  }

  /**
   * Runs {@code reader} with exclusive access to the payload, owning or not; close waits for it.
   *
   * @throws IllegalStateException if this core is closed
   */
  public <R> R read(String operation, Function<? super P, R> reader) {
    HandleState before = cell.claim(operation);
    try {
      return reader.apply(payload);
    } finally {
      cell.publish(before);
    }
  }

  /**
   * Releases whatever is still owned, exactly once, and frees the payload. Idempotent.
   *
   * @return true if and only if this call closed the core
   */
  public boolean close() {
    if (cell.close() == null) {
      return false;
    }
    releaseAndFree(payload);
    return true;
  }

  private void publishSynced() {
    cell.publish(payload.isOwned() ? HandleState.OWNED : HandleState.EMPTY);
  }

  private static void releaseAndFree(Payload p) {
    try {
      p.release();
    } finally {
      p.free();
    }
  }

  private String describe(HandleState state) {
    return name() + " is " + state;
  }

  @Override
  public String toString() {
    return describe(state());
  }
}
