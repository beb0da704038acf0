package dev.arrowownership.conformance;

import dev.arrowownership.ledger.Violation;
import java.util.List;

/**
 * The ledger's violations as the producer rules divide them: a release that returns with
 * {@code release} still set is {@link Rule#REQUIRED_PRODUCER_RELEASE_SETS_NULL}'s alone. The ledger
 * sets it to NULL itself, so nothing else goes wrong because of it; every other rule would only
 * repeat that failure under a hint that points elsewhere.
 */
final class ProducerViolations {
  private ProducerViolations() {}

  /** Every violation but a release left non-NULL, as text. */
  static List<String> besidesReleaseLeftSet(List<Violation> violations) {
    return violations.stream().filter(v -> v.kind() != Violation.Kind.RELEASE_NOT_NULLED)
        .map(Violation::toString).toList();
  }
}
