package dev.arrowownership.contract;

import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * The bounded exhaustive check as a contract: implement {@link #subject()} (the same method as
 * {@link OwnershipContract}'s, so a class can implement both) and every operation sequence within
 * the bounds runs against your wrapper; a failure names the rule and a shortest failing sequence.
 *
 * <p>Bounds are system properties: {@code arrowownership.exhaustive.handles} (default 2: about 70 s of CPU; each added handle multiplies it, see docs/kit.md),
 * {@code .depth} (30), {@code .faults} (6: each allocation of the reference extraction of a three-batch frame failed in turn),
 * {@code .seconds} (600: a time budget checked between depths), {@code .shard} ({@code i/n}: check only the
 * i-th of n disjoint parts of the search, about 1/n of its sequences, see {@link Shard}; default {@code 1/1}, all of it).
 */
public interface ExhaustiveOwnershipContract {
  int HANDLES = Integer.getInteger("arrowownership.exhaustive.handles", 2);
  int DEPTH = Integer.getInteger("arrowownership.exhaustive.depth", 30);
  int FAULTS = Integer.getInteger("arrowownership.exhaustive.faults", 6);
  long SECONDS = Long.getLong("arrowownership.exhaustive.seconds", 600);

  /** The wrapper under test. */
  OwnershipSubject<?, ?> subject();

  /** Every operation sequence within the bounds releases exactly what the exactly-once model says. */
  @Example
  @Label("required_wrapper_every_sequence_within_the_bounds_matches_the_model")
  default void everySequenceWithinTheBoundsMatchesTheModel() {
    Shard shard = Shard.parse(System.getProperty("arrowownership.exhaustive.shard", "1/1"));
    ExhaustiveReport report = new ExhaustiveChecker(subject(), HANDLES, FAULTS).in(shard)
        .check(DEPTH, Duration.ofSeconds(SECONDS).toMillis());
    System.out.println("exhaustive check, " + HANDLES + " handles, " + FAULTS + " fault points, depth <= " + DEPTH
        + ": " + report);
    report.assertPassed();
  }
}
