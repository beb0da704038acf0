package dev.arrowownership.conformance;

import static dev.arrowownership.conformance.RuleMessages.failed;
import static dev.arrowownership.conformance.RuleMessages.passed;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.fixtures.HandMadeProducer;
import dev.arrowownership.fixtures.ParentReleaseSkipsChildren;
import dev.arrowownership.fixtures.ReleaseDoesNotSetNull;
import dev.arrowownership.fixtures.ReleaseKeyedByAddress;
import dev.arrowownership.fixtures.ReleaseNeverFrees;
import dev.arrowownership.fixtures.ReleaseOnlyOnProducingThread;
import dev.arrowownership.conformance.RuleResult.Status;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The producer rules' messages are the kit's product: a conforming producer gets each rule's pass
 * text with exact counts, and each broken producer fails exactly the rule it breaks, with the
 * numbers that show why (BrokenProducersAndConsumersAreCaughtTest checks the rule ids).
 */
class ProducerRulesTest {

  /** The hand-made reference producer: one struct column of one int child, spec-conforming release. */
  @Test
  void conformingProducerPassesEveryRuleWithExactCounts() {
    Verdict verdict = ConformanceKit.checkProducer("hand-made", new HandMadeProducer());
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_SETS_RELEASE)).isEqualTo("both base structs live after produce()");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL))
        .isEqualTo("4 structs released, each left with release == NULL"); // 2 bases + child array and schema
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN))
        .isEqualTo("2 children and dictionaries, each released once by the parent");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .isEqualTo("moved: the copy reads with length 1 and the digest read before the move, released once, nothing held");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds 0 bytes after release, as before produce()");
    assertThat(passed(verdict, Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD))
        .isEqualTo("released on another thread: every struct once, nothing held");
  }

  /** A producer that leaves one base struct released is named by the struct it left NULL. */
  @Test
  void producerLeavingOneBaseReleasedIsNamedByThatBase() {
    assertThat(failed(ConformanceKit.checkProducer("no-schema", leavingReleased(false, true)), Rule.REQUIRED_PRODUCER_SETS_RELEASE))
        .contains("after produce() release is NULL on the schema.");
    assertThat(failed(ConformanceKit.checkProducer("no-array", leavingReleased(true, false)), Rule.REQUIRED_PRODUCER_SETS_RELEASE))
        .contains("after produce() release is NULL on the array.");
  }

  /**
   * Arrow Java's export of a root without columns and with no allocatedBytes(): the children and
   * freed-bytes rules cannot be checked and say why.
   */
  @Test
  void childlessProducerWithoutByteCountIsNotApplicableForThoseRules() {
    try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot empty = VectorSchemaRoot.of()) {
      Verdict verdict = ConformanceKit.checkProducer("empty", (array, schema) ->
          Data.exportVectorSchemaRoot(allocator, empty, null, ArrowArray.wrap(array), ArrowSchema.wrap(schema)));
      assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN))
          .isEqualTo(RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN,
              "the produced batch has no children or dictionary"));
      assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
          .isEqualTo(RuleResult.notApplicable(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING,
              "the producer does not report allocatedBytes()"));
      assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL).message())
          .isEqualTo("2 structs released, each left with release == NULL");
    }
  }

  /** When producing fails, the rules that reuse the first round say so instead of crashing. */
  @Test
  void failingProducerFailsTheRulesThatReuseTheRound() {
    Verdict verdict = ConformanceKit.checkProducer("throws", (array, schema) -> {
      throw new IllegalStateException("out of batches");
    });
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL)).contains("out of batches");
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN))
        .contains("producing and releasing a batch failed (see required_producer_release_sets_null)");
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .contains("producing and releasing a batch failed (see required_producer_release_sets_null)");
  }

  /** A release that only works on the producing thread fails only the other-thread rule, with the bytes held. */
  @Test
  void threadBoundReleaseFailsOnlyTheOtherThreadRule() {
    Verdict verdict = ConformanceKit.checkProducer("thread-bound", new ReleaseOnlyOnProducingThread());
    assertThat(verdict.result(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING).status()).isEqualTo(Status.PASSED);
    assertThat(failed(verdict, Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD))
        .containsPattern("released on another thread: \\[.*\\b[1-9][0-9]* bytes still held\\]");
  }

  /**
   * The other-thread rule lists the ledger's violations and the structs never released, but not a
   * release left non-NULL, which fails its own rule only.
   */
  @Test
  void otherThreadRuleReportsViolationsAndUnreleasedStructs() {
    assertThat(passed(ConformanceKit.checkProducer("not-nulled", new ReleaseDoesNotSetNull()),
        Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).startsWith("released on another thread");
    assertThat(failed(ConformanceKit.checkProducer("child-twice", new ChildReleasedTwice()),
        Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).contains("DOUBLE_RELEASE on batch.children[0].array#");
    assertThat(failed(ConformanceKit.checkProducer("skips", new ParentReleaseSkipsChildren()),
        Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).contains("batch.children[0]").contains("never released");
  }

  /**
   * A release that frees nothing fails the free-everything rule with its own round's leak only (the
   * earlier round's is in both counts, and said so); the moved-struct and other-thread rules see the
   * same leak after their release and say it is that rule's, instead of failing under a hint that
   * points at moves or threads.
   */
  @Test
  void aPlainLeakFailsTheFreeEverythingRuleOnlyWithItsOwnRoundsBytes() {
    Verdict verdict = ConformanceKit.checkProducer("never-frees", new ReleaseNeverFrees());
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING)).contains("after release the producer's"
        + " memory differs by +344 bytes from before produce() (344 before, 688 after: what earlier rounds kept is in both)");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).endsWith("released once; the producer"
        + " holds 344 bytes more after the release, as many as after the release of a batch not moved: that leak is"
        + " required_producer_release_frees_everything's, not the move's");
    assertThat(passed(verdict, Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).isEqualTo("released on another"
        + " thread: every struct once, 344 bytes still held, as many as on the producing thread: that leak is"
        + " required_producer_release_frees_everything's, not the thread's");
    assertThat(verdict.with(Status.FAILED)).extracting(RuleResult::rule)
        .containsExactly(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING);
  }

  /**
   * A producer that frees, during a round, what an earlier round kept (a pool handing back its cache)
   * holds fewer bytes after release than before produce(): this round kept nothing, so the rule passes.
   */
  @Test
  void bytesFreedFromAnEarlierRoundKeepTheRule() {
    // the first round's cache, freed by the second
    CDataProducer shrinking = new CountingProducer(new HandMadeProducer(), produced -> 500 + (produced == 1 ? 1000 : 0));
    assertThat(passed(ConformanceKit.checkProducer("shrinking", shrinking), Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING))
        .isEqualTo("the producer holds 500 bytes after release, 1000 fewer than before produce(): nothing of this round's is kept");
  }

  /**
   * A producer that held nothing before the plain round and keeps the same bytes after every later
   * release: the moved-struct and other-thread rules see the plain round's leak (counted from 0)
   * and say whose it is; a producer that fails produce() has no plain round to compare with, and
   * the moved-struct rule reports its own error. A leak the move alone makes names no plain leak.
   */
  @Test
  void theMovedStructRuleComparesWithThePlainRoundWhenThereIsOne() {
    // 0 before the plain round, +100 a batch after
    CDataProducer leaksFromTheSecondBatch = new CountingProducer(new HandMadeProducer(), produced -> 100 * Math.max(0, produced - 1));
    Verdict verdict = ConformanceKit.checkProducer("from-zero", leaksFromTheSecondBatch);
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).contains("holds 100 bytes more after"
        + " the release, as many as after the release of a batch not moved");
    assertThat(passed(verdict, Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).contains("100 bytes still held, as many"
        + " as on the producing thread");

    Verdict throwing = ConformanceKit.checkProducer("throws", (array, schema) -> {
      throw new IllegalStateException("no batch today");
    });
    assertThat(failed(throwing, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .contains("the check threw java.lang.IllegalStateException: no batch today");

    assertThat(failed(ConformanceKit.checkProducer("keyed", new ReleaseKeyedByAddress()),
        Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).containsPattern("holds \\d+ bytes more after releasing the"
        + " moved struct\\]");
  }

  /** A leak after a move larger than the plain release's is the move's, and says how much a plain release kept. */
  @Test
  void aLeakThatGrowsWithTheMoveStillFailsTheMovedStructRule() {
    // 100 bytes kept per batch, moved or not
    CDataProducer keyed = new CountingProducer(new ReleaseKeyedByAddress(), produced -> 100 * produced);
    assertThat(failed(ConformanceKit.checkProducer("keyed-and-leaking", keyed), Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .containsPattern("the producer holds [1-9][0-9]{2,} bytes more after releasing the moved struct \\(100 without a move\\)");
  }

  /**
   * Held bytes are reported relative to what the producer held before produce(): a producer that
   * already holds 1000 bytes gets the same report as one that holds none.
   */
  @Test
  void heldBytesAreCountedFromBeforeProduce() {
    assertThat(failed(ConformanceKit.checkProducer("t", new ReleaseOnlyOnProducingThread() {
      @Override
      public long allocatedBytes() {
        return super.allocatedBytes() + 1000;
      }
    }), Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD)).isEqualTo(failed(
        ConformanceKit.checkProducer("t", new ReleaseOnlyOnProducingThread()), Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD));
    assertThat(failed(ConformanceKit.checkProducer("k", new ReleaseKeyedByAddress() {
      @Override
      public long allocatedBytes() {
        return super.allocatedBytes() + 1000;
      }
    }), Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).isEqualTo(failed(
        ConformanceKit.checkProducer("k", new ReleaseKeyedByAddress()), Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID));
  }

  /**
   * A release left non-NULL is the sets-NULL rule's finding alone: the children rule, which lists the
   * other violations of the parents' release, still passes when each child was released once.
   */
  @Test
  void releaseLeftNonNullIsNotAChildrenFinding() {
    Verdict verdict = ConformanceKit.checkProducer("not-nulled", new ReleaseDoesNotSetNull());
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL)).contains("release left non-NULL");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN))
        .endsWith("children and dictionaries, each released once by the parent");
  }

  /**
   * A release left non-NULL fails its own rule only: the ledger set it to NULL, so the moved copy
   * released once and the moved-struct rule holds (its violations: childReleasedTwiceByItsParent).
   */
  @Test
  void movedStructRuleLeavesAReleaseLeftSetToItsOwnRule() {
    Verdict verdict = ConformanceKit.checkProducer("not-nulled", new ReleaseDoesNotSetNull());
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL)).contains("release left non-NULL");
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID)).startsWith("moved: the copy reads");
  }

  /**
   * A parent whose release calls its child's release a second time: the ledger reports that stray
   * call, which is no release left non-NULL, so the release-sets-NULL rule still passes with its
   * count; the children rule fails on it (the ledger counts the second call at the child's address
   * as the child's double release), and so does the moved-struct rule.
   */
  @Test
  void childReleasedTwiceByItsParentFailsTheChildrenRule() {
    Verdict verdict = ConformanceKit.checkProducer("child-twice", new ChildReleasedTwice());
    assertThat(passed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL))
        .isEqualTo("4 structs released, each left with release == NULL");
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN))
        .contains("after the parents' release: [batch.children[0].array#")
        .contains(" released 2 times, DOUBLE_RELEASE on batch.children[0].array#")
        .contains("(spec: the parent's release, the producer's, must call each child's and dictionary's release exactly"
            + " once); not forwarded")
        .doesNotContain("consumer")
        .containsOnlyOnce("DOUBLE_RELEASE");
    assertThat(failed(verdict, Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID))
        .contains("DOUBLE_RELEASE on moved.children[0].array#");
  }

  /**
   * The hand-made producer with an array release of its own: it calls the child's release twice,
   * through the pointer read before the first call, then runs the hand-made release.
   */
  private static final class ChildReleasedTwice extends HandMadeProducer {
    private final NativeCallbacks.Release releaseChildTwice = this::releaseChildTwice; // C holds only its pointer
    private volatile long handMadeRelease;

    @Override
    public void produce(long array, long schema) {
      super.produce(array, schema);
      handMadeRelease = StructKind.ARRAY.release(array);
      StructKind.ARRAY.setRelease(array, NativeCallbacks.pointerOf(releaseChildTwice));
    }

    private void releaseChildTwice(Pointer struct) {
      long array = Pointer.nativeValue(struct);
      long child = StructKind.ARRAY.child(array, 0);
      long release = StructKind.ARRAY.release(child);
      call(release, child);
      call(release, child);
      call(handMadeRelease, array);
    }

    private static void call(long function, long struct) {
      Function.getFunction(new Pointer(function)).invoke(new Object[] {new Pointer(struct)});
    }
  }

  /** A hand-made producer whose produce() then releases the array and/or the schema it just made. */
  private static HandMadeProducer leavingReleased(boolean array, boolean schema) {
    return new HandMadeProducer() {
      @Override
      public void produce(long arrayAddress, long schemaAddress) {
        super.produce(arrayAddress, schemaAddress);
        if (array) {
          ArrowArray.wrap(arrayAddress).release();
        }
        if (schema) {
          ArrowSchema.wrap(schemaAddress).release();
        }
      }
    };
  }

  /** {@code producer}, reporting beside its own bytes {@code extraBytes} of how many batches it produced so far. */
  private static final class CountingProducer implements CDataProducer {
    private final CDataProducer producer;
    private final LongUnaryOperator extraBytes;
    private long produced;

    CountingProducer(CDataProducer producer, LongUnaryOperator extraBytes) {
      this.producer = producer;
      this.extraBytes = extraBytes;
    }

    @Override
    public void produce(long array, long schema) throws Exception {
      producer.produce(array, schema);
      produced++;
    }

    @Override
    public long allocatedBytes() {
      return producer.allocatedBytes() + extraBytes.applyAsLong(produced);
    }
  }
}
