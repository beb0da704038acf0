package dev.arrowownership.contract;

import dev.arrowownership.wrapper.ImportedBatch;
import dev.arrowownership.wrapper.StructFiller;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The operations of an ownership wrapper and its output frame, as the suite drives them. Implement
 * this to check your own wrapper; {@link RecordBatchDataSubject} is the reference.
 *
 * <p>Every method may throw {@link IllegalStateException} for misuse (use after close, populate an
 * owning handle, second extraction); the suite checks that it does exactly when the model says so,
 * and that the message names the handle ({@link #nameOf}) or the frame.
 *
 * @param <H> the handle type
 * @param <F> the frame type
 */
public interface OwnershipSubject<H, F> {

  /** A short name for reports. */
  String name();

  /** A new handle that owns nothing. */
  H allocate(BufferAllocator allocator, String name);

  /** The handle's name, as its exception messages use it. */
  String nameOf(H handle);

  /** Lets {@code producer} fill an empty handle's structs. */
  void populate(H handle, StructFiller producer);

  /** A new handle with the source's content; the source is left empty. */
  H moveFrom(H source);

  /** Releases the target's content, then moves the source's into it. */
  void moveAssign(H target, H source);

  /** Moves the content into Arrow Java; the caller closes the result. */
  ImportedBatch importBatch(H handle, BufferAllocator allocator);

  /** The owned batch's row count, 0 when empty. */
  long rowCount(H handle);

  /** True if the handle is open and owns content. */
  boolean isOwned(H handle);

  /** The address of the handle's {@code ArrowArray} (the handle must be open). */
  long arrayAddress(H handle);

  /** The address of the handle's {@code ArrowSchema} (the handle must be open). */
  long schemaAddress(H handle);

  /** Releases what the handle owns and frees it; idempotent. */
  void close(H handle);

  /** A frame that takes the batches' content; extraction allocates from {@code allocator}. */
  F frameOf(BufferAllocator allocator, String name, List<H> batches);

  /** Moves every batch out of the frame, all or nothing. */
  List<H> extract(F frame);

  /** Releases what the frame still owns; idempotent. */
  void closeFrame(F frame);
}
