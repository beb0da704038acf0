package dev.arrowownership.support;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns the leak safety net off for a test class that runs deliberately broken wrappers. Those
 * fixtures drop owning handles by design, and their machine closes its allocator (failing on the
 * leak) before the garbage collector finds the handles; the net would then release them into a
 * closed allocator on the Cleaner thread, long after the test, and print Arrow's complaint.
 */
public final class WithoutLeakNet implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WithoutLeakNet.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(LeakLevel.class, LeakDetector.setLevel(LeakLevel.DISABLED));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    LeakDetector.setLevel(context.getStore(NAMESPACE).get(LeakLevel.class, LeakLevel.class));
  }
}
