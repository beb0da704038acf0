package dev.arrowownership.support;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the tries of every property of a class that does not fix its own: the system property
 * {@code property} if given, else {@code defaultTries}, or the suite-wide {@code jqwik.tries.default}
 * given as a system property (PIT's minions) when that is lower. Subclasses name the property and
 * the default, and are registered with {@code @AddLifecycleHook}.
 */
public abstract class TriesFromProperty implements AroundPropertyHook {
  private final String property;
  private final int defaultTries;

  protected TriesFromProperty(String property, int defaultTries) {
    this.property = property;
    this.defaultTries = defaultTries;
  }

  /** The tries to run. */
  public int tries() {
    return Integer.getInteger(property, Math.min(defaultTries, Integer.getInteger("jqwik.tries.default", defaultTries)));
  }

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
      context.attributes().setTries(tries());
    }
    return property.execute();
  }
}
