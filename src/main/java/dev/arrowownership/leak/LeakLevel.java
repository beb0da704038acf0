package dev.arrowownership.leak;

import java.util.Locale;

/**
 * How much the leak safety net does, after Netty's {@code ResourceLeakDetector.Level}. Chosen with
 * {@code -Darrowownership.leak.level=DISABLED|SIMPLE|PARANOID} (default {@link #SIMPLE}).
 */
public enum LeakLevel {
  /** No tracking at all: a dropped handle leaks what it owns and nobody is told. Zero cost. */
  DISABLED,
  /**
   * Every handle is tracked: a dropped one is released once and reported, without its allocation
   * site (capturing a stack trace per allocation is what costs).
   */
  SIMPLE,
  /** As {@link #SIMPLE}, and every allocation records its stack trace, which the report carries. */
  PARANOID;

  /** The system property that selects the level at startup. */
  public static final String PROPERTY = "arrowownership.leak.level";

  /** The level named by {@link #PROPERTY}, or {@link #SIMPLE} when it is unset. */
  public static LeakLevel fromSystemProperty() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return SIMPLE;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PROPERTY + "=" + value + " is not one of DISABLED, SIMPLE, PARANOID", e);
    }
  }
}
