package dev.arrowownership.contract;

import dev.arrowownership.thirdparty.BatchHolder;
import dev.arrowownership.thirdparty.BatchHolderSubject;
import java.util.Set;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;

/**
 * The third-party holder with {@link SubjectFeature#COPY}, for the copy step's tests: its copy is
 * either a new empty holder (what the contract asks) or a bitwise copy of the structs (two owners of
 * one batch, as a C++ defaulted copy constructor makes); optionally its close forgets the batch
 * instead of releasing it (a leak on every close, so that only a survey gets past it).
 */
final class CopyingHolderSubject extends BatchHolderSubject {
  private final boolean bitwise;
  private final boolean closeLeaks;

  private CopyingHolderSubject(boolean bitwise, boolean closeLeaks) {
    this.bitwise = bitwise;
    this.closeLeaks = closeLeaks;
  }

  /** A copy that owns nothing: conforming. */
  static CopyingHolderSubject emptyCopy() {
    return new CopyingHolderSubject(false, false);
  }

  /** A copy of the structs' bits: the copy owns the source's batch too. */
  static CopyingHolderSubject bitwiseCopy() {
    return new CopyingHolderSubject(true, false);
  }

  /** A bitwise copy, and a close that leaks. */
  static CopyingHolderSubject bitwiseCopyLeakingClose() {
    return new CopyingHolderSubject(true, true);
  }

  @Override
  public Set<SubjectFeature> features() {
    return Set.of(SubjectFeature.COPY);
  }

  @Override
  public BatchHolder copy(BatchHolder source) {
    source.length(); // refuses a closed source, naming it
    BatchHolder copy = BatchHolder.allocate(source.allocator(), "copy of " + source.name());
    if (bitwise) {
      ArrowArray.wrap(copy.arrayAddress()).save(ArrowArray.wrap(source.arrayAddress()).snapshot());
      ArrowSchema.wrap(copy.schemaAddress()).save(ArrowSchema.wrap(source.schemaAddress()).snapshot());
    }
    return copy;
  }

  @Override
  public void close(BatchHolder handle) {
    if (closeLeaks && handle.isOwned()) {
      ArrowArray.wrap(handle.arrayAddress()).markReleased(); // forgets the batch instead of releasing it
      ArrowSchema.wrap(handle.schemaAddress()).markReleased();
    }
    super.close(handle);
  }
}
