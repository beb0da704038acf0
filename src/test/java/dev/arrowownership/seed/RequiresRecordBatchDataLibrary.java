package dev.arrowownership.seed;

import dev.arrowownership.support.NativeFixtures;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik's skip for the C++ fixture: a container or property using it is skipped, with the native
 * build's own reason, when {@code librecord_batch_data.so} was not built (no C++ compiler). The
 * JUnit tests get the same from {@link NativeFixtures#require}.
 */
public final class RequiresRecordBatchDataLibrary implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return NativeFixtures.library(RecordBatchDataShim.LIBRARY).isPresent() ? SkipResult.doNotSkip()
        : SkipResult.skip("native fixture lib" + RecordBatchDataShim.LIBRARY + ".so was not built: " + NativeFixtures.buildStatus());
  }
}
