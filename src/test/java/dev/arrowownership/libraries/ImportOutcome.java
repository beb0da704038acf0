package dev.arrowownership.libraries;

import dev.arrowownership.ledger.Violation;
import java.util.List;

/**
 * What one import did to the producer's batch, with allocation {@code failAt} failing (-1: none).
 *
 * @param failAt the allocation that failed, -1 for a clean run
 * @param allocations the allocations the consumer asked for
 * @param failure what the import threw, null if it succeeded
 * @param arrayReleases calls of the array's {@code release} (once the result was closed)
 * @param schemaReleases calls of the schema's {@code release}
 * @param arrayLeftLive the source array was neither moved nor released: the caller still owns it
 * @param consumerBytes bytes the consumer's allocator still held at the end
 * @param producerBytes bytes the producer's allocator still held at the end
 * @param violations rules the ledger saw broken
 */
record ImportOutcome(int failAt, int allocations, Throwable failure, int arrayReleases, int schemaReleases,
    boolean arrayLeftLive, long consumerBytes, long producerBytes, List<Violation> violations) {

  /** The consumer took the batch and released array and schema exactly once, leaving nothing. */
  boolean exactlyOnce() {
    return arrayReleases == 1 && schemaReleases == 1 && consumerBytes == 0 && producerBytes == 0
        && violations.isEmpty();
  }

  /** The source array was moved out of the caller's struct but never released: a leak. */
  boolean movedAndLeaked() {
    return !arrayLeftLive && arrayReleases == 0;
  }

  @Override
  public String toString() {
    return "failAt=" + failAt + " allocations=" + allocations + " failure=" + failure
        + " releases(array,schema)=(" + arrayReleases + "," + schemaReleases + ") arrayLeftLive=" + arrayLeftLive
        + " consumerBytes=" + consumerBytes + " producerBytes=" + producerBytes + " violations=" + violations;
  }
}
