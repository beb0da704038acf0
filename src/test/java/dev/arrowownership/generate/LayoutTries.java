package dev.arrowownership.generate;

import dev.arrowownership.support.TriesFromProperty;

/**
 * Tries for the properties over generated layouts: {@value #DEFAULT} by default (the deterministic
 * tour beside each property covers every family), {@code -Darrowownership.layouts.tries=N} for more.
 * A lower suite-wide default given as a system property (PIT's minions) wins.
 */
public final class LayoutTries extends TriesFromProperty {
  static final int DEFAULT = 25;

  public LayoutTries() {
    super("arrowownership.layouts.tries", DEFAULT);
  }
}
