package dev.arrowownership.conformance;

import static dev.arrowownership.conformance.RuleMessages.failed;
import static dev.arrowownership.conformance.RuleMessages.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.support.NativeFixtures;
import dev.arrowownership.fixtures.PlainInt32Producer;
import dev.arrowownership.fixtures.PlainInt32Producer.Variant;
import dev.arrowownership.fixtures.ValuesInsideTheStruct;
import org.apache.arrow.memory.util.MemoryUtil;
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
    NativeFixtures.require("plain_int32_producer");
    assertThat(PlainInt32Producer.of(Variant.CONFORMING).builtBy()).isEqualTo("C, libplain_int32_producer.so");
  }

  /** A native release that never sets release to NULL fails that rule, naming the array; the JVM survives. */
  @Test
  void nativeReleaseLeftNonNullFailsReleaseSetsNull() {
    PlainInt32Producer producer = PlainInt32Producer.of(Variant.RELEASE_NOT_NULLED);
    Verdict verdict = ConformanceKit.checkProducer("plain-int32-not-nulled", producer);
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL))
        .contains("release left non-NULL on [batch.array#");
    // One bug, one rule: the ledger set release to NULL itself, so the move and the other thread's
    // release went right and their rules do not repeat the failure under a hint pointing elsewhere.
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).startsWith(MOVED);
    assertThat(passed(verdict, Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).startsWith("released on another thread");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds 0 bytes after release, as before produce()");
    assertThat(producer.allocatedBytes()).isZero();
  }

  /** Values kept inside the struct itself read differently once the struct is moved and its old memory reused. */
  @Test
  void valuesInsideTheStructFailTheMovedStructRule() {
    Verdict verdict = ConformanceKit.checkProducer("inside", new ValuesInsideTheStruct());
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .containsPattern("Moving an array\\): after a move: \\[the moved copy's values differ from the original's"
            + " \\(length 2, digest [0-9a-f]{12}\\.\\.\\.; before the move length 2, digest [0-9a-f]{12}\\.\\.\\.\\)]\\. If");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING)).contains("holds 0 bytes");
  }

  /**
   * A batch the reader rejects fails the moved-struct rule with the reader's path and fault, and is
   * still released once.
   */
  @Test
  void malformedBatchFailsTheMovedStructRuleWithTheReadersFault() {
    PlainInt32Producer inner = PlainInt32Producer.inJava(Variant.CONFORMING);
    Verdict verdict = ConformanceKit.checkProducer("one-buffer", new CDataProducer() {
      @Override
      public void produce(long array, long schema) throws Exception {
        inner.produce(array, schema);
        MemoryUtil.putLong(array + 24, 1); // n_buffers: int32 needs 2
      }

      @Override
      public long allocatedBytes() {
        return inner.allocatedBytes();
      }
    });
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .contains("): the produced batch does not read as C Data, before any move: array: n_buffers is 1");
    assertThat(inner.allocatedBytes()).isZero();
  }

  /**
   * A format string kept inside the schema struct itself (its private_data slot) is gone once the
   * struct is moved and its old memory wiped: the copy does not read, and the rule says why.
   */
  @Test
  void formatInsideTheStructFailsTheMovedStructRule() {
    PlainInt32Producer inner = PlainInt32Producer.inJava(Variant.CONFORMING);
    Verdict verdict = ConformanceKit.checkProducer("format-inside", new CDataProducer() {
      @Override
      public void produce(long array, long schema) throws Exception {
        inner.produce(array, schema); // its schema's private_data is unused: the slot is free
        MemoryUtil.putLong(schema + 64, 'i');
        MemoryUtil.putLong(schema, schema + 64); // format -> "i" inside the struct
      }

      @Override
      public long allocatedBytes() {
        return inner.allocatedBytes();
      }
    });
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .contains("): after a move: [the moved copy does not read as C Data: schema");
    assertThat(inner.allocatedBytes()).isZero();
  }

  /** Without allocatedBytes() the moved-struct rule says freed memory was not checked. */
  @Test
  void movedStructRuleSaysWhenBytesAreNotReported() {
    PlainInt32Producer inner = PlainInt32Producer.inJava(Variant.CONFORMING);
    CDataProducer silent = inner::produce;
    assertThat(passed(ConformanceKit.checkProducer("silent", silent), Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .isEqualTo(MOVED + " (allocatedBytes() is not reported: freed memory not checked)");
    assertThat(inner.allocatedBytes()).isZero();
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
