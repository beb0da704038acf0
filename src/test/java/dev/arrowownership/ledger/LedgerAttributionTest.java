package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.support.CountingProducer;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each release call is attributed to one check: the ledger that tracked the struct, or, for a struct
 * no ledger tracks, the ledgers open at that moment. Calls are made the way a buggy native consumer
 * makes them: through a function pointer it saved, on a thread of its own.
 */
class LedgerAttributionTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final ReleaseLedger bystander = new ReleaseLedger();
  private final CountingProducer producer = new CountingProducer(StructKind.ARRAY, true);
  private final ArrowArray array = ArrowArray.allocateNew(allocator);
  private final ArrowArray copy = ArrowArray.allocateNew(allocator);

  @AfterEach
  void close() {
    array.close();
    copy.close();
    ledger.close();
    bystander.close();
    allocator.close();
  }

  private static void call(long function, long struct) {
    Function.getFunction(new Pointer(function)).invoke(new Object[] {new Pointer(struct)});
  }

  private static void onThread(String name, Runnable calls) throws InterruptedException {
    Thread thread = new Thread(calls, name);
    thread.start();
    thread.join();
  }

  /** A release call for a tracked struct, on any thread, is counted by the ledger that tracked it only. */
  @Test
  void aReleaseOnAnotherThreadIsCountedByItsLedgerOnly() throws InterruptedException {
    long id = producer.fill(array.memoryAddress());
    TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
    long release = StructKind.ARRAY.release(array.memoryAddress());

    onThread("native-consumer", () -> {
      call(release, array.memoryAddress());
      call(release, array.memoryAddress());
    });

    assertThat(producer.releaseCalls(id)).isEqualTo(1);
    assertThat(ledger.releaseCount(tracked)).isEqualTo(2);
    assertThat(ledger.events()).extracting(ReleaseEvent::thread).containsExactly("native-consumer", "native-consumer");
    assertThat(ledger.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.DOUBLE_RELEASE);
    assertThat(bystander.events()).isEmpty();
    assertThat(bystander.violations()).isEmpty();
  }

  /** A second call at the same address, through the pointer saved before the first, is a double release. */
  @Test
  void aSecondCallAtTheSameAddressIsADoubleRelease() {
    long id = producer.fill(array.memoryAddress());
    TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
    long release = StructKind.ARRAY.release(array.memoryAddress());

    call(release, array.memoryAddress());
    call(release, array.memoryAddress());

    assertThat(producer.releaseCalls(id)).isEqualTo(1);
    assertThat(ledger.releaseCount(tracked)).isEqualTo(2);
    assertThat(ledger.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.DOUBLE_RELEASE);
      assertThat(v.struct()).isEqualTo(tracked);
    });
    assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
  }

  /** A bitwise copy of the released struct, released through the saved pointer, is a double release too. */
  @Test
  void aCopyOfTheReleasedStructIsADoubleRelease() {
    long id = producer.fill(array.memoryAddress());
    TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
    long release = StructKind.ARRAY.release(array.memoryAddress());
    call(release, array.memoryAddress());

    copy.save(array.snapshot());
    call(release, copy.memoryAddress());

    assertThat(producer.releaseCalls(id)).isEqualTo(1);
    assertThat(ledger.events()).extracting(ReleaseEvent::structAddress)
        .containsExactly(array.memoryAddress(), copy.memoryAddress());
    assertThat(ledger.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.DOUBLE_RELEASE);
    assertThat(ledger.releaseCount(tracked)).isEqualTo(2);
  }

  /**
   * A call on a struct no ledger knows is reported to every ledger open at that moment, and to none
   * closed before it or opened after it.
   */
  @Test
  void anUnknownStructIsReportedToTheLedgersOpenAtThatMoment() {
    ReleaseLedger closedBefore = new ReleaseLedger();
    closedBefore.close();
    StructKind.ARRAY.setPrivateData(array.memoryAddress(), 0x1234); // no token
    StructKind.ARRAY.setRelease(array.memoryAddress(), ReleaseInterposer.callbackPointer(StructKind.ARRAY));

    call(StructKind.ARRAY.release(array.memoryAddress()), array.memoryAddress());

    try (ReleaseLedger openedAfter = new ReleaseLedger()) {
      assertThat(ledger.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.UNKNOWN_STRUCT);
      assertThat(bystander.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.UNKNOWN_STRUCT);
      assertThat(closedBefore.violations()).isEmpty();
      assertThat(openedAfter.violations()).isEmpty();
    }
    assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
  }

  /**
   * A struct released after its ledger closed is forwarded to its producer once and counted nowhere;
   * a later call through a stale copy is not forwarded, and is reported to the ledgers then open.
   */
  @Test
  void aStructReleasedAfterItsLedgerClosedIsForwardedOnceAndCountedNowhere() {
    long id = producer.fill(array.memoryAddress());
    TrackedStruct tracked = ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
    copy.save(array.snapshot()); // a stale copy: it too holds the interposer's release and token

    ledger.close();

    assertThat(ReleaseLedger.identify(StructKind.ARRAY, array.memoryAddress())).isEmpty();
    call(StructKind.ARRAY.release(array.memoryAddress()), array.memoryAddress());
    assertThat(producer.releaseCalls(id)).isEqualTo(1);
    assertThat(StructKind.ARRAY.release(array.memoryAddress())).isZero();
    assertThat(ledger.releaseCount(tracked)).isZero();
    assertThat(ledger.events()).isEmpty();
    assertThat(bystander.events()).isEmpty();
    assertThat(bystander.violations()).isEmpty();

    call(StructKind.ARRAY.release(copy.memoryAddress()), copy.memoryAddress());
    assertThat(producer.releaseCalls(id)).isEqualTo(1);
    assertThat(StructKind.ARRAY.release(copy.memoryAddress())).isZero();
    assertThat(ledger.violations()).isEmpty();
    assertThat(bystander.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.UNKNOWN_STRUCT);
  }

  /**
   * Closing drops every record that names the ledger: a released struct's record goes, an
   * unreleased one's becomes a forward-once record without a ledger, which goes at its release.
   */
  @Test
  void aClosedLedgerLeavesNoRecordThatNamesIt() {
    producer.fill(array.memoryAddress());
    producer.fill(copy.memoryAddress());
    TrackedStruct released = ledger.track(StructKind.ARRAY, array.memoryAddress(), "released");
    TrackedStruct unreleased = ledger.track(StructKind.ARRAY, copy.memoryAddress(), "unreleased");
    array.release();

    ledger.close();

    assertThat(ReleaseInterposer.recordOf(released)).isNull();
    assertThat(ReleaseInterposer.recordOf(unreleased)).isNotNull()
        .satisfies(record -> assertThat(record.owner()).isNull());
    copy.release();
    assertThat(ReleaseInterposer.recordOf(unreleased)).isNull();
  }

  /** A closed ledger tracks nothing more: it would never forget the struct. */
  @Test
  void aClosedLedgerTracksNothingMore() {
    long id = producer.fill(array.memoryAddress());
    ledger.close();

    assertThatThrownBy(() -> ledger.track(StructKind.ARRAY, array.memoryAddress(), "late"))
        .isInstanceOf(IllegalStateException.class).hasMessage("late: this ledger is closed; it tracks nothing more");
    assertThat(ledger.tracked()).isEmpty();
    assertThat(ReleaseLedger.identify(StructKind.ARRAY, array.memoryAddress())).isEmpty();
    array.release();
    assertThat(producer.releaseCalls(id)).isEqualTo(1);
  }
}
