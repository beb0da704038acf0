package dev.arrowownership.contract;

/**
 * One of {@code count} disjoint parts of an exhaustive search. Experimental: the parts are
 * disjoint and together are the whole search, but each part prunes on its own, and where most
 * states are reachable from every part (the reference wrapper's space is such) each part checks
 * about as many sequences as the whole run (docs/kit.md, "Sharding"). Every shard runs the same first levels
 * (they are small and deterministic), up to the first level that has at least {@link #SPLIT_FACTOR}
 * sequences per shard; that level's sequences are dealt out in enumeration order, the k-th to shard
 * {@code k % count + 1}, and each shard explores only what grows from its own. Every sequence within
 * the bounds starts with exactly one of the dealt ones (or is shorter and checked by every shard),
 * so the shards' parts are disjoint and together cover the unsharded search: the same states, and
 * the same number of sequences at every depth past the split.
 *
 * @param index this shard, from 1
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {
  /** Sequences per shard at the level where the search splits: more of them balance the shards better. */
  static final int SPLIT_FACTOR = 4;

  /** The whole search, unsplit. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (index < 1 || index > count) { // so count >= 1 too
      throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, was " + index + "/" + count);
    }
  }

  /**
   * Parses {@code i/n}, the form of {@code -Darrowownership.exhaustive.shard}.
   *
   * @throws IllegalArgumentException naming the text, when it is not {@code i/n} with 1 &lt;= i &lt;= n
   */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (IllegalArgumentException notAShard) { // NumberFormatException included
      // the message below says what is expected
    }
    throw new IllegalArgumentException("arrowownership.exhaustive.shard must be i/n with 1 <= i <= n (e.g. 2/4), was '"
        + text + "'");
  }

  /** Whether the search splits at a level of {@code moves} sequences. */
  boolean splitsAt(int moves) {
    return count > 1 && moves >= SPLIT_FACTOR * count;
  }

  /** Whether the {@code k}-th sequence (from 0) of the level where the search splits is this shard's. */
  boolean owns(int k) {
    return k % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
