package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A release left non-NULL is left to its own rule; every other violation is kept, as text, in order. */
class ProducerViolationsTest {

  @Test
  void everyViolationButAReleaseLeftSetIsKept() {
    TrackedStruct array = new TrackedStruct(1, StructKind.ARRAY, "r0");
    Violation twice = new Violation(Violation.Kind.DOUBLE_RELEASE, array, "released twice");
    Violation leftSet = new Violation(Violation.Kind.RELEASE_NOT_NULLED, array, "release left set");
    Violation unknown = new Violation(Violation.Kind.UNKNOWN_STRUCT, null, "not tracked");
    assertThat(ProducerViolations.besidesReleaseLeftSet(List.of(twice, leftSet, unknown)))
        .containsExactly(twice.toString(), unknown.toString());
  }
}
