package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.conformance.RuleResult.Status;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The last-error probe on a stream struct whose only callback is a Java get_last_error: the message
 * must read the same on the first call and on {@link LastErrorProbe#CALLS} more, and those calls must
 * not grow the producer's memory (checked only when the producer reports its bytes).
 */
class LastErrorProbeTest {
  private static final String FAILURE = "get_next returned 12";
  private final Memory oom = text("out of memory");
  private final Memory other = text("disk full");
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void freeMessages() {
    oom.close();
    other.close();
  }

  @Test
  void theSameMessageOnEveryCallWithoutGrowingPasses() {
    RuleResult result = probe(call -> oom, () -> 0);
    assertThat(result.status()).isEqualTo(Status.PASSED);
    assertThat(result.message()).isEqualTo(FAILURE + "; get_last_error returned 'out of memory', unchanged after the kit"
        + " took back freed memory and on 64 more calls, producer memory unchanged at 0 bytes");
    assertThat(calls).hasValue(1 + LastErrorProbe.CALLS);
  }

  @Test
  void aProducerThatDoesNotReportItsBytesIsNotCheckedForGrowth() {
    RuleResult result = probe(call -> oom, () -> -1);
    assertThat(result.status()).isEqualTo(Status.PASSED);
    assertThat(result.message()).endsWith("on 64 more calls (allocatedBytes() not reported: memory growth not checked)");
  }

  @Test
  void anotherMessageOnALaterCallFails() {
    RuleResult result = probe(call -> call < 3 ? oom : other, () -> 0);
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.message()).contains(FAILURE + "; get_last_error returned 'out of memory', then 'disk full' on"
        + " call 3 with nothing in between.");
  }

  @Test
  void nullOnALaterCallFails() {
    RuleResult result = probe(call -> call < 2 ? oom : null, () -> 0);
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.message()).contains("returned 'out of memory', then NULL on call 2 with nothing in between.");
  }

  @Test
  void memoryGrowingWithTheCallsFails() {
    AtomicInteger reads = new AtomicInteger();
    RuleResult result = probe(call -> oom, () -> 100L * reads.getAndIncrement());
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.message()).contains(FAILURE + "; 64 more calls of get_last_error took the producer from 0 to"
        + " 100 bytes.");
  }

  /** Runs the probe; {@code message} gives get_last_error's answer to call 1, 2, ... (null for NULL). */
  private RuleResult probe(IntFunction<Memory> message, LongSupplier allocatedBytes) {
    NativeCallbacks.ErrorGetter lastError = stream -> message.apply(calls.incrementAndGet());
    try (Memory struct = new Memory(ForeignStream.SIZE)) {
      struct.clear();
      StreamField.GET_LAST_ERROR.set(Pointer.nativeValue(struct), NativeCallbacks.pointerOf(lastError));
      CDataStreamProducer producer = new CDataStreamProducer() {
        @Override
        public void produce(long streamAddress) {
          throw new UnsupportedOperationException("the probe only calls get_last_error");
        }

        @Override
        public long allocatedBytes() {
          return allocatedBytes.getAsLong();
        }
      };
      return LastErrorProbe.check(new ForeignStream(Pointer.nativeValue(struct)), producer, FAILURE);
    }
  }

  private static Memory text(String message) {
    Memory memory = new Memory(message.length() + 1L);
    memory.setString(0, message, "UTF-8");
    return memory;
  }
}
