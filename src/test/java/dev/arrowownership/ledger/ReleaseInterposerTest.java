package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.support.CountingProducer;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interposed callback called the way C code calls it: through the raw function pointer, by a
 * consumer that never writes {@code release} itself, so whatever the struct holds afterwards is the
 * callback's doing (Arrow Java's {@code release()} is not used here for that reason).
 */
class ReleaseInterposerTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final CountingProducer producer = new CountingProducer(StructKind.ARRAY, true);
  private final ArrowArray array = ArrowArray.allocateNew(allocator);
  private final ArrowArray copy = ArrowArray.allocateNew(allocator);

  @AfterEach
  void close() {
    array.close();
    copy.close();
    ledger.close();
    allocator.close();
  }

  /** {@code release(struct)} as a C consumer calls it: through the pointer the struct holds now. */
  private static void callRelease(long struct) {
    callPointer(StructKind.ARRAY.release(struct), new Pointer(struct));
  }

  private static void callPointer(long function, Pointer argument) {
    Function.getFunction(new Pointer(function)).invoke(new Object[] {argument});
  }

  /** Fills and tracks {@link #array}, and leaves a stale bitwise copy of it in {@link #copy}. */
  private long trackWithStaleCopy() {
    long id = producer.fill(array.memoryAddress());
    ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");
    copy.save(array.snapshot());
    return id;
  }

  /**
   * The producer's release is called with its struct exactly as it made it (its own release and
   * private_data back in place), as if no ledger stood between: a producer may check either.
   */
  @Test
  void theProducerSeesItsOwnStruct() {
    AtomicReference<byte[]> seen = new AtomicReference<>();
    NativeCallbacks.Release release = struct -> {
      long address = Pointer.nativeValue(struct);
      seen.set(StructKind.ARRAY.read(address));
      StructKind.ARRAY.setRelease(address, 0);
    };
    StructKind.ARRAY.setPrivateData(array.memoryAddress(), 99);
    StructKind.ARRAY.setRelease(array.memoryAddress(), NativeCallbacks.pointerOf(release));
    byte[] made = StructKind.ARRAY.read(array.memoryAddress());
    ledger.track(StructKind.ARRAY, array.memoryAddress(), "a");

    callRelease(array.memoryAddress());

    assertThat(seen.get()).isEqualTo(made);
    Reference.reachabilityFence(release); // C held only its pointer
  }

  /** A refused second call must still leave release NULL, since the consumer will not. */
  @Test
  void aRefusedSecondCallLeavesReleaseNull() {
    long id = trackWithStaleCopy();

    callRelease(array.memoryAddress());
    callRelease(copy.memoryAddress());

    assertThat(producer.releaseCalls(id)).isEqualTo(1);
    assertThat(StructKind.ARRAY.release(copy.memoryAddress())).isZero();
    assertThat(ledger.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.DOUBLE_RELEASE);
  }

  /**
   * Closing forgets a released struct: a stale copy is then no longer identified, and releasing it
   * is still refused, left NULL, and reported as a struct no ledger knows to the ledgers then open,
   * not to the closed one.
   */
  @Test
  void aStaleCopyOfAForgottenStructIsAnUnknownStruct() {
    long id = trackWithStaleCopy();
    callRelease(array.memoryAddress());

    ledger.close();

    assertThat(ReleaseLedger.identify(StructKind.ARRAY, copy.memoryAddress())).isEmpty();
    try (ReleaseLedger open = new ReleaseLedger()) {
      callRelease(copy.memoryAddress());
      assertThat(producer.releaseCalls(id)).isEqualTo(1);
      assertThat(StructKind.ARRAY.release(copy.memoryAddress())).isZero();
      assertThat(open.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.UNKNOWN_STRUCT);
      assertThat(ledger.violations()).isEmpty();
    }
  }

  /** A consumer passing NULL makes the callback fail inside; that is reported, not thrown into C. */
  @Test
  void aFailingCallbackIsReportedNotThrown() {
    callPointer(ReleaseInterposer.callbackPointer(StructKind.ARRAY), Pointer.NULL);

    assertThat(ledger.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.CALLBACK_FAILED);
      assertThat(v.detail()).contains("NULL ARRAY struct address");
    });
  }
}
