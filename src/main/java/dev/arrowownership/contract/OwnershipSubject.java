package dev.arrowownership.contract;

import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An ownership wrapper as the suite drives it: a handle that owns one {@code ArrowArray} and one
 * {@code ArrowSchema}, and optionally ({@link SubjectFeature#FRAME}) an output frame that owns
 * batches until they are extracted, and ({@link SubjectFeature#COPY}) a copy. Implement this to check your own wrapper; every type here is
 * the kit's or the JDK's, and structs are passed by address, so a wrapper written in any language
 * plugs in (the reference adapter for {@code RecordBatchData} is in the kit's tests).
 *
 * <p><b>Misuse.</b> The methods marked so throw {@link IllegalStateException} for misuse (use after
 * close, populate an owning handle, import from an empty one, a second extraction), and only then:
 * the machine checks that each throws exactly when the exactly-once model says so, that the
 * message names the handle ({@link #nameOf}) or the frame, and that a throwing call changed
 * nothing. After every step it also checks, for every handle, {@link #isOwned} and which batch
 * the structs at {@link #arrayAddress} and {@link #schemaAddress} hold, and counts every
 * {@code release} call against the model's.
 *
 * @param <H> the handle type
 * @param <F> the frame type ({@link Void} without {@link SubjectFeature#FRAME})
 */
public interface OwnershipSubject<H, F> {

  /** A short name for reports. */
  String name();

  /**
   * The optional features this subject implements; steps of the others are never generated or
   * enumerated. The machine checks that every method of each declared feature is overridden.
   */
  default Set<SubjectFeature> features() {
    return Set.of();
  }

  /** A new open handle that owns nothing (both {@code release} pointers NULL), named {@code name}. */
  H allocate(BufferAllocator allocator, String name);

  /** The handle's name, as its exception messages use it. */
  String nameOf(H handle);

  /**
   * The handle lends its released structs to {@code filler}, then owns the batch written there.
   *
   * @throws IllegalStateException if the handle owns a batch (filling would leak it) or is closed
   */
  void populate(H handle, BatchFiller filler);

  /**
   * A new handle that owns the source's batch: the batch moves (bitwise copy, then the source's
   * {@code release} set to NULL), nothing is released, and the source is left open and empty.
   *
   * @throws IllegalStateException if the source is closed
   */
  H moveFrom(H source);

  /**
   * Releases what the target owns, then moves the source's batch into it, leaving the source
   * empty; {@code moveAssign(h, h)} releases nothing and changes nothing.
   *
   * @throws IllegalStateException if either handle is closed
   */
  void moveAssign(H target, H source);

  /**
   * The write path: moves the handle's batch into an importer (Arrow Java's, or your library's)
   * and returns what it built; the handle is left empty. The machine checks the row count, then
   * closes the result, which must release the batch exactly once.
   *
   * @param allocator memory for an Arrow Java importer
   * @throws IllegalStateException if the handle owns nothing or is closed
   */
  Imported importBatch(H handle, BufferAllocator allocator);

  /**
   * The owned batch's row count ({@code ArrowArray.length}), 0 when empty.
   *
   * @throws IllegalStateException if the handle is closed
   */
  long rowCount(H handle);

  /** True if and only if the handle is open and owns a batch; never throws. */
  boolean isOwned(H handle);

  /** The address of the handle's {@code ArrowArray}; the handle must be open. */
  long arrayAddress(H handle);

  /** The address of the handle's {@code ArrowSchema}; the handle must be open. */
  long schemaAddress(H handle);

  /** Releases what the handle owns, exactly once, and closes it; closing again does nothing. */
  void close(H handle);

  /**
   * {@link SubjectFeature#COPY}: a copy of the handle, made the way the wrapper's language copies a
   * value (C++: the copy constructor). The copy must own nothing, whatever the source holds: only a
   * move transfers a batch, and a copy that also owned it would be a second owner of one batch, a
   * second {@code release} call waiting to happen. Nothing is released and the source is unchanged.
   *
   * @throws IllegalStateException if the source is closed
   */
  default H copy(H source) {
    throw SubjectFeature.COPY.notImplemented(this, "copy");
  }

  /**
   * {@link SubjectFeature#FRAME}: a new frame that owns the batches' content, moved out of {@code
   * batches} (the caller closes those, now empty, handles); nothing is released. What extraction
   * allocates must come from {@code allocator}, where the machine injects allocation failures.
   */
  default F frameOf(BufferAllocator allocator, String name, List<H> batches) {
    throw SubjectFeature.FRAME.notImplemented(this, "frameOf");
  }

  /**
   * {@link SubjectFeature#FRAME}: moves every batch out of the frame into new handles, in order,
   * all or nothing: if an allocation fails, the frame still owns every batch and the failure
   * propagates.
   *
   * @throws IllegalStateException if the batches were extracted already or the frame is closed
   */
  default List<H> extract(F frame) {
    throw SubjectFeature.FRAME.notImplemented(this, "extract");
  }

  /** {@link SubjectFeature#FRAME}: releases what the frame still owns and closes it; idempotent. */
  default void closeFrame(F frame) {
    throw SubjectFeature.FRAME.notImplemented(this, "closeFrame");
  }
}
