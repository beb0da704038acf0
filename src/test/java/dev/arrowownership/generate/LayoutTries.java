package dev.arrowownership.generate;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Tries for the properties over generated layouts: {@value #DEFAULT} by default (the deterministic
 * tour beside each property covers every family), {@code -Darrowownership.layouts.tries=N} for more.
 * A lower suite-wide default given as a system property (PIT's minions) wins.
 */
public final class LayoutTries implements AroundPropertyHook {
  static final int DEFAULT = 25;

  /** The tries to run: the system property, else the smaller of the default and the suite's. */
  public static int tries() {
    return Integer.getInteger("arrowownership.layouts.tries",
        Math.min(DEFAULT, Integer.getInteger("jqwik.tries.default", DEFAULT)));
  }

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public int aroundPropertyProximity() {
    return -20; // outside jqwik's own defaults hook (-10), so the tries are set before it reads them
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    if (context.attributes().tries().isEmpty()) {
      context.attributes().setTries(tries());
    }
    return property.execute();
  }
}
