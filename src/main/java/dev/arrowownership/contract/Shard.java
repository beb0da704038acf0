package dev.arrowownership.contract;

/**
 * One of {@code count} disjoint parts of an exhaustive search, dividing its work. Every shard plans
 * the whole search from the model alone ({@link ModelPlan}: the unsharded run's levels, states and
 * moves, computed without the subject, far cheaper than running it); at every level the moves are
 * dealt out by their index in the unsharded enumeration, the k-th to shard {@code k % count + 1},
 * and each shard runs only its own on the real subject ({@link PlannedShard}). So the shards
 * together run exactly the unsharded run's sequences, each in one shard, and each about
 * {@code 1/count} of them. Every run is checked against the plan ({@link PlanCheck}): a state the
 * plan did not predict is explored by the shard that met it, so a wrong plan costs time, not coverage.
 *
 * @param index this shard, from 1
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {
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

  /** Whether the {@code k}-th move (from 0) of the unsharded enumeration, all levels in order, is this shard's. */
  boolean owns(long k) {
    return k % count == index - 1;
  }

  /** How many of the {@code size} consecutive moves from index {@code first} on are this shard's. */
  long owned(long first, long size) {
    return movesBefore(first + size) - movesBefore(first);
  }

  /** This shard's moves among those of index 0 to {@code end} - 1. */
  private long movesBefore(long end) {
    return (end - index + count) / count; // (end - (index - 1) + count - 1) / count
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
