package dev.arrowownership.wrapper;

/**
 * The content an {@link OwnershipCore} owns: for Arrow, a pair of C Data Interface structs at fixed
 * addresses. Abstracted so the ownership logic runs, and can be stress-tested, without Arrow.
 *
 * <p>Implementations need no synchronization: the core calls them only while it holds the handle
 * exclusively, or after it has been closed.
 */
public interface Payload {

  /** True if and only if some {@code release} callback is still set, that is, something is owned. */
  boolean isOwned();

  /**
   * Moves the content into {@code target}, which must own nothing: copies the struct bits, then marks
   * this payload released, as the C Data Interface's "moving an array" prescribes.
   */
  void moveTo(Payload target);

  /** Calls the {@code release} callback of everything still owned, each exactly once. */
  void release();

  /** Frees the payload's own memory. Never calls {@code release}. */
  void free();
}
