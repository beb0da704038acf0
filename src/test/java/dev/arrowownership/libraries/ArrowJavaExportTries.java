package dev.arrowownership.libraries;

import dev.arrowownership.support.TriesFromProperty;

/**
 * Tries of the property over Arrow Java's exporters: {@value #DEFAULT} by default (each try imports,
 * exports and checks a batch about six times; the tour, pinned by {@code ArrowJavaFamiliesTest},
 * covers every family), {@code -Darrowownership.layouts.tries=N} for more, as for the kit's own
 * layout properties.
 */
public final class ArrowJavaExportTries extends TriesFromProperty {
  static final int DEFAULT = 5;

  public ArrowJavaExportTries() {
    super("arrowownership.layouts.tries", DEFAULT);
  }
}
