package dev.arrowownership.seed;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Tries for the generated-sequence contract over the C++ fixture: {@value #DEFAULT} by default,
 * {@code -Darrowownership.cpp.tries=N} for more. Each try crosses into C++ a few hundred times, so
 * the suite-wide default (junit-platform.properties) would take this class well past its time;
 * the bounded exhaustive check beside it covers every state anyway. A property that fixes its own
 * tries keeps them.
 */
public final class NativeTries implements AroundPropertyHook {
  static final int DEFAULT = 50;

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS; // registered on the class, it must reach the class's properties
  }

  @Override
  public int aroundPropertyProximity() {
    return -20; // outside jqwik's own defaults hook (-10), so the tries are set before it reads them
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    if (context.attributes().tries().isEmpty()) {
      // A lower suite-wide default given as a system property (PIT's minions) wins over this one.
      int suiteDefault = Integer.getInteger("jqwik.tries.default", DEFAULT);
      context.attributes().setTries(Integer.getInteger("arrowownership.cpp.tries", Math.min(DEFAULT, suiteDefault)));
    }
    return property.execute();
  }
}
