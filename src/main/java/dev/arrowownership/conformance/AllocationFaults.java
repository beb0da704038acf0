package dev.arrowownership.conformance;

/**
 * A way to make one of a target's allocations fail, so the kit walks its failure paths: the
 * allocator the kit lends a Java target ({@link FaultInjector#asAllocationFaults()}), or a native
 * library's own fault hook ({@code arrow_ownership_fail_allocation} in {@code arrow_ownership_kit.h}).
 * The kit arms it before a call with k = 0, 1, 2, ... and stops when an armed failure no longer
 * happens.
 */
public interface AllocationFaults {
  /** Arms: allocation number {@code k} (counted from 0, from now on) fails, once. */
  void failAt(int k);

  /** Disarms; returns whether the failure armed by {@link #failAt} happened since. */
  boolean disarm();
}
