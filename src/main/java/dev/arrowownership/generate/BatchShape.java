package dev.arrowownership.generate;

/**
 * How one generated array of a layout is laid out: its length, its {@code offset} (a sliced array
 * when > 0; nested arrays get offsets of their own up to it), how its nulls are represented, and the
 * seed of its values. The same shape of the same layout always gives the same buffers.
 *
 * @param length logical values of the top-level array (>= 0)
 * @param offset leading slots before the first logical value (>= 0)
 * @param nulls how nullable fields hold their nulls
 * @param seed the values' seed
 */
public record BatchShape(int length, int offset, Nulls nulls, long seed) {

  /** How nullable fields represent their nulls. */
  public enum Nulls {
    /** A validity bitmap with some slots null. */
    SOME,
    /** No validity buffer at all (NULL pointer, {@code null_count} 0). */
    NO_VALIDITY_BUFFER,
    /** A validity bitmap with every slot null. */
    ALL
  }

  public BatchShape {
    if (length < 0 || offset < 0) {
      throw new IllegalArgumentException("length and offset must be >= 0, were " + length + " and " + offset);
    }
    if (nulls == null) {
      throw new IllegalArgumentException("nulls must be given");
    }
  }

  @Override
  public String toString() {
    return "length " + length + " offset " + offset + " nulls " + nulls + " seed " + seed;
  }
}
