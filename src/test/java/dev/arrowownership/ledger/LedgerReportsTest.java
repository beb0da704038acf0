package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import org.junit.jupiter.api.Test;

/** The ledger's records read the way reports print them. */
class LedgerReportsTest {
  private final TrackedStruct struct = new TrackedStruct(7, StructKind.ARRAY, "r0");

  /** Only a first call is forwarded; every later one is a double release kept from the producer. */
  @Test
  void onlyTheFirstCallIsForwarded() {
    assertThat(new ReleaseEvent(1, struct, 0x10, "main", 1).forwarded()).isTrue();
    assertThat(new ReleaseEvent(2, struct, 0x10, "main", 2).forwarded()).isFalse();
    assertThat(new ReleaseEvent(3, struct, 0x10, "main", 3).forwarded()).isFalse();
  }

  /** A violation names its kind, the struct when known, and the detail. */
  @Test
  void violationNamesKindStructAndDetail() {
    assertThat(new Violation(Violation.Kind.DOUBLE_RELEASE, struct, "call #2"))
        .hasToString("DOUBLE_RELEASE on r0.array#7: call #2");
    assertThat(new Violation(Violation.Kind.UNKNOWN_STRUCT, null, "private_data 0x0"))
        .hasToString("UNKNOWN_STRUCT: private_data 0x0");
  }
}
