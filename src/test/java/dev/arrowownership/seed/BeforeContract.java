package dev.arrowownership.seed;

import dev.arrowownership.contract.OwnershipContract;
import dev.arrowownership.contract.OwnershipSubject;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The generated-sequence contract over the C++ class before the pull request: run by {@link CppBeforeIsCaughtTest}, which expects it to fail. */
@AddLifecycleHook(RequiresRecordBatchDataLibrary.class)
public class BeforeContract implements OwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return CppRecordBatchDataSubject.before();
  }
}
