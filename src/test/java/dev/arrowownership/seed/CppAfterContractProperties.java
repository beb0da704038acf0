package dev.arrowownership.seed;

import dev.arrowownership.contract.ExhaustiveOwnershipContract;
import dev.arrowownership.contract.OwnershipContract;
import dev.arrowownership.contract.OwnershipSubject;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The C++ {@code RecordBatchData} after the pull request's Rule of Five passes the generated-sequence
 * contract and the bounded exhaustive check, through the same adapter that fails the class before
 * it ({@link CppBeforeIsCaughtTest}). Handles only: the frame the pull request left alone is
 * checked in {@link CppAfterFrameTest}.
 */
@AddLifecycleHook(RequiresRecordBatchDataLibrary.class)
@AddLifecycleHook(NativeTries.class)
class CppAfterContractProperties implements OwnershipContract, ExhaustiveOwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return CppRecordBatchDataSubject.after();
  }
}
