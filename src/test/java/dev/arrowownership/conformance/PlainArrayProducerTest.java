package dev.arrowownership.conformance;

import static dev.arrowownership.conformance.RuleMessages.failed;
import static dev.arrowownership.conformance.RuleMessages.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.fixtures.NativeBuild;
import dev.arrowownership.fixtures.PlainInt32Producer;
import dev.arrowownership.fixtures.PlainInt32Producer.Variant;
import org.junit.jupiter.api.Test;

/**
 * The C Data Interface allows any array at the top, not only a struct: a conforming producer of a
 * plain int32 array keeps every producer rule, compiled from C (or its Java twin where no C compiler
 * is on the PATH), and a broken one fails on native code.
 */
class PlainArrayProducerTest {
  private static final String MOVED = "moved: the copy reads with length 4 and the digest read before the move,"
      + " released once";

  /** The plain int32 producer (C when a compiler is on the PATH) keeps every producer rule. */
  @Test
  void plainInt32ProducerKeepsEveryProducerRule() {
    assertKeepsEveryRule(PlainInt32Producer.of(Variant.CONFORMING));
  }

  /** Its Java twin, which machines without a C compiler run instead, keeps every producer rule too. */
  @Test
  void javaTwinKeepsEveryProducerRule() {
    assertKeepsEveryRule(PlainInt32Producer.inJava(Variant.CONFORMING));
  }

  /** Where a C compiler is on the PATH (this project's machines and CI), the producer is the C build. */
  @Test
  void producerIsTheCBuildWhereACompilerIsOnThePath() {
    assumeTrue(NativeBuild.compiler().isPresent(), "no cc or gcc on the PATH: the Java twin runs instead");
    assertThat(PlainInt32Producer.of(Variant.CONFORMING).builtBy()).isEqualTo("C, libplain_int32_producer.so");
  }

  /** A native release that never sets release to NULL fails that rule, naming the array; the JVM survives. */
  @Test
  void nativeReleaseLeftNonNullFailsReleaseSetsNull() {
    PlainInt32Producer producer = PlainInt32Producer.of(Variant.RELEASE_NOT_NULLED);
    Verdict verdict = ConformanceKit.checkProducer("plain-int32-not-nulled", producer);
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL))
        .contains("release left non-NULL on [batch.array#");
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).contains("RELEASE_NOT_NULLED");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds 0 bytes after release, as before produce()");
    assertThat(producer.allocatedBytes()).isZero();
  }

  private static void assertKeepsEveryRule(PlainInt32Producer producer) {
    Verdict verdict = ConformanceKit.checkProducer("plain-int32 (" + producer.builtBy() + ")", producer);
    verdict.assertConformsIncludingOptional();
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL))
        .isEqualTo("2 structs released, each left with release == NULL");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).isEqualTo(MOVED + ", nothing held");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds 0 bytes after release, as before produce()");
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(producer.allocatedBytes()).isZero();
  }
}
