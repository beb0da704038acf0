package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.fixtures.ReadingConsumer;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * A consumer's own count of the bytes it holds ({@code heldBytes()}, a native library's held-bytes
 * hook) is read around each hand-over: a consumer that releases every struct right but keeps 64
 * bytes of its own each time fails the rules that check nothing is held, with that count; one that
 * cannot tell (-1, the default) is judged by the lent allocator alone.
 */
class ConsumerHeldBytesTest {
  @Test
  void aConsumerThatCannotTellSaysMinusOne() {
    CDataConsumer consumer = (array, schema, allocator) -> () -> { };
    CDataStreamConsumer streamConsumer = (stream, allocator) -> () -> { };
    assertThat(consumer.heldBytes()).isEqualTo(-1);
    assertThat(streamConsumer.heldBytes()).isEqualTo(-1);
  }

  @Test
  void aConsumerKeepingItsOwnMemoryFailsReleasesExactlyOnce() {
    AtomicLong held = new AtomicLong();
    CDataConsumer keeps64 = new CDataConsumer() {
      private final ReadingConsumer reading = new ReadingConsumer();

      @Override
      public AutoCloseable consume(long array, long schema, BufferAllocator allocator) throws Exception {
        held.addAndGet(64);
        return reading.consume(array, schema, allocator);
      }

      @Override
      public long heldBytes() {
        return held.get();
      }
    };
    RuleResult once = ConformanceKit.checkConsumer("keeps-64", keeps64).result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE);
    assertThat(once.status()).isEqualTo(Status.FAILED);
    assertThat(once.message()).contains("base releases [array, schema] = [1, 1], consumer holds 64 bytes");
  }

  @Test
  void aStreamConsumerKeepingItsOwnMemoryFailsTheResultsRule() {
    AtomicLong held = new AtomicLong();
    CDataStreamConsumer keeps64 = new CDataStreamConsumer() {
      private final ReadingStreamConsumer reading = new ReadingStreamConsumer();

      @Override
      public AutoCloseable consume(long stream, BufferAllocator allocator) throws Exception {
        held.addAndGet(64);
        return reading.consume(stream, allocator);
      }

      @Override
      public long heldBytes() {
        return held.get();
      }
    };
    RuleResult results = ConformanceKit.checkStreamConsumer("keeps-64", keeps64)
        .result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE);
    assertThat(results.status()).isEqualTo(Status.FAILED);
    assertThat(results.message()).contains("the consumer still holds 64 bytes after its result was closed");
  }
}
