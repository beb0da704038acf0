package dev.arrowownership.support;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Jupiter half of {@link PitTestDiscovery}: in a PIT mutation minion's discovery run, a test is
 * reported but its body and its {@code @BeforeEach} and {@code @AfterEach} methods are not run.
 * Registered for all tests by extension auto-detection ({@code junit-platform.properties},
 * {@code META-INF/services}); everywhere else it proceeds.
 */
public final class SkipTestBodiesInPitDiscovery implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context, ExtensionContext extension) throws Throwable {
    proceedUnlessDiscovery(invocation);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context, ExtensionContext extension) throws Throwable {
    proceedUnlessDiscovery(invocation);
  }

  // Lifecycle methods go with the bodies: a fixture built for a body that will not run checks nothing
  // (ArrowOutputFrameTest builds a frame of generated batches before each test).
  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context, ExtensionContext extension) throws Throwable {
    proceedUnlessDiscovery(invocation);
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context, ExtensionContext extension) throws Throwable {
    proceedUnlessDiscovery(invocation);
  }

  private static void proceedUnlessDiscovery(Invocation<Void> invocation) throws Throwable {
    if (PitTestDiscovery.inMutationMinionDiscovery()) {
      invocation.skip();
    } else {
      invocation.proceed();
    }
  }
}
