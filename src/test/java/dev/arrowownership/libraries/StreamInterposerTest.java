package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream interposer counts every release of a stream, forwards only the first, and sees one that leaves release set. */
class StreamInterposerTest {
  private static final int RELEASE = 24;
  private static final int PRIVATE_DATA = 32;
  private static final AtomicInteger SLOPPY_CALLS = new AtomicInteger();
  // A producer that breaks the spec on purpose: its release never sets release to NULL.
  private static final NativeCallbacks.Release SLOPPY_RELEASE = stream -> SLOPPY_CALLS.incrementAndGet();

  private final RootAllocator allocator = new RootAllocator();
  private final BufferAllocator producer = allocator.newChildAllocator("producer", 0, Long.MAX_VALUE);
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final StructMemory structs = new StructMemory(allocator);

  @AfterEach
  void close() {
    structs.close();
    ledger.close();
    producer.close();
    allocator.close();
  }

  /** The first release is forwarded: the producer frees everything and sets release to NULL. */
  @Test
  void firstReleaseIsForwardedOnce() {
    ArrowArrayStream stream = exported();
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "s");

    stream.release();

    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(tracked.releaseNulled()).isTrue();
    assertThat(producer.getAllocatedMemory()).isZero();
  }

  /** A release through a stale bitwise copy is counted and not forwarded, so nothing is freed twice. */
  @Test
  void releaseThroughAStaleCopyIsCountedNotForwarded() {
    ArrowArrayStream stream = exported();
    TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "s");
    ArrowArrayStream stale = structs.stream();
    stale.save(stream.snapshot());

    stream.release();
    stale.release();

    assertThat(tracked.releaseCalls()).isEqualTo(2);
    assertThat(MemoryUtil.getLong(stale.memoryAddress() + RELEASE)).isZero();
    assertThat(producer.getAllocatedMemory()).isZero();
    assertThat(StreamInterposer.CALLBACK_FAILURES).isEmpty();
  }

  /** A producer whose release leaves release set is seen, and the struct is marked released for it. */
  @Test
  void releaseThatLeavesReleaseSetIsSeen() {
    ArrowArrayStream sloppy = structs.stream();
    MemoryUtil.putLong(sloppy.memoryAddress() + PRIVATE_DATA, 0x5107L);
    MemoryUtil.putLong(sloppy.memoryAddress() + RELEASE,
        NativeCallbacks.pointerOf(SLOPPY_RELEASE));
    TrackedStream tracked = StreamInterposer.install(ledger, sloppy.memoryAddress(), "sloppy");
    int before = SLOPPY_CALLS.get();

    sloppy.release();

    assertThat(SLOPPY_CALLS.get()).isEqualTo(before + 1);
    assertThat(tracked.releaseCalls()).isEqualTo(1);
    assertThat(tracked.releaseNulled()).isFalse();
    assertThat(MemoryUtil.getLong(sloppy.memoryAddress() + RELEASE)).isZero();
  }

  private ArrowArrayStream exported() {
    ArrowArrayStream stream = structs.stream();
    GeneratedStream.of(producer, 2, 5).exportTo(producer, stream);
    return stream;
  }
}
