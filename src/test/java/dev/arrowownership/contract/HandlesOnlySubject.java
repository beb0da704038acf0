package dev.arrowownership.contract;

/** The reference handles without a frame: the no-frame path on a wrapper known to be correct. */
final class HandlesOnlySubject extends RecordBatchDataHandles<Void> {

  /** The contract run on it; it must pass with frame steps never generated. */
  static final class Contract implements OwnershipContract {
    @Override
    public OwnershipSubject<?, ?> subject() {
      return new HandlesOnlySubject();
    }
  }
}
