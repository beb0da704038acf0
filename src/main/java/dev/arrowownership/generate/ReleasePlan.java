package dev.arrowownership.generate;

/**
 * What the release callbacks of {@link NativeLayoutWriter}'s structs free and release. The kit's
 * producer keeps the whole plan ({@link #COMPLETE}); a deliberately broken producer overrides one
 * decision, for one layout, to show that the rules catch it there.
 */
public interface ReleasePlan {
  /** Frees every buffer and releases every child and dictionary: what the spec asks of a release. */
  ReleasePlan COMPLETE = new ReleasePlan() {};

  /** True if the release of {@code array} frees its buffer {@code index}. */
  default boolean freesBuffer(ArrayContent array, int index) {
    return true;
  }

  /** True if the release of a struct of {@code parent} releases its child {@code index} (-1: the dictionary). */
  default boolean releasesChild(ArrowLayout parent, int index) {
    return true;
  }
}
