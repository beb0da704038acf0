package dev.arrowownership.seed;

import dev.arrowownership.support.TriesFromProperty;

/**
 * Tries for the generated-sequence contract over the C++ fixture: {@value #DEFAULT} by default,
 * {@code -Darrowownership.cpp.tries=N} for more. Each try crosses into C++ a few hundred times, so
 * the suite-wide default (junit-platform.properties) would take this class well past its time;
 * the bounded exhaustive check beside it covers every state anyway. A property that fixes its own
 * tries keeps them; a lower suite-wide default given as a system property (PIT's minions) wins.
 */
public final class NativeTries extends TriesFromProperty {
  static final int DEFAULT = 50;

  public NativeTries() {
    super("arrowownership.cpp.tries", DEFAULT);
  }
}
