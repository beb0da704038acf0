package dev.arrowownership.support;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;

/**
 * jqwik half of {@link PitTestDiscovery}: in a PIT mutation minion's discovery run, a property is
 * reported as run without generating anything. Registered for all properties through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}; everywhere else it executes.
 */
public final class SkipPropertiesInPitDiscovery implements AroundPropertyHook {

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    return PitTestDiscovery.inMutationMinionDiscovery() ? NOT_RUN : property.execute();
  }

  /** A property that generated nothing and failed nothing; jqwik has no public factory for one. */
  private static final PropertyExecutionResult NOT_RUN = new PropertyExecutionResult() {
    @Override public Optional<String> seed() { return Optional.empty(); }
    @Override public Optional<List<Object>> falsifiedParameters() { return Optional.empty(); }
    @Override public Status status() { return Status.SUCCESSFUL; }
    @Override public Optional<Throwable> throwable() { return Optional.empty(); }
    @Override public int countChecks() { return 0; }
    @Override public int countTries() { return 0; }
    @Override public Optional<FalsifiedSample> originalSample() { return Optional.empty(); }
    @Override public Optional<ShrunkFalsifiedSample> shrunkSample() { return Optional.empty(); }
    @Override public PropertyExecutionResult mapTo(Status status, Throwable throwable) { return this; }
  };
}
