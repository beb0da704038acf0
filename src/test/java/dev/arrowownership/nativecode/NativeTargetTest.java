package dev.arrowownership.nativecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.AllocationFaults;
import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.KitStructs;
import dev.arrowownership.ledger.ReleaseLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NativeTarget} on its own: what it binds, the clear errors for a library or symbol that is
 * not there, a non-zero errno as {@link NativeCallFailed}, and the hooks it calls for the kit.
 */
class NativeTargetTest {

  @Test
  void missingLibraryIsNamed() {
    Path missing = Path.of("target/native/libnot_built_anywhere.so");
    assertThatThrownBy(() -> NativeTarget.builder(missing).bind(EntryPoint.PRODUCER, "make").load())
        .isInstanceOf(NativeTargetException.class)
        .hasMessage("no library at " + missing.toAbsolutePath());
  }

  @Test
  void fileThatIsNoLibraryIsNamedWithTheLoadersReason(@TempDir Path dir) throws IOException {
    Path fake = Files.writeString(dir.resolve("libfake.so"), "not an ELF file");
    assertThatThrownBy(() -> NativeTarget.builder(fake).load())
        .isInstanceOf(NativeTargetException.class)
        .hasMessageStartingWith("cannot load " + fake + ": ")
        .hasCauseInstanceOf(UnsatisfiedLinkError.class);
  }

  /** The message names the library, the symbol, the option that named it and the C type it must have. */
  @Test
  void missingSymbolIsNamedWithItsOptionAndType() {
    NativeTarget.Builder builder = FixtureTargets.library(FixtureTargets.CONSUMERS)
        .bind(EntryPoint.CONSUMER, "consumer_take").bind(EntryPoint.DROP, "no_such_drop");
    assertThatThrownBy(builder::load)
        .isInstanceOf(NativeTargetException.class)
        .hasMessage("libkit_consumer.so exports no symbol 'no_such_drop' (for --drop, of type arrow_ownership_drop)")
        .hasCauseInstanceOf(UnsatisfiedLinkError.class);
  }

  @Test
  void blankOrMissingSymbolNameIsRefusedNamingTheOption() {
    NativeTarget.Builder builder = NativeTarget.builder(Path.of("libany.so"));
    assertThatThrownBy(() -> builder.bind(EntryPoint.PRODUCER, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--producer needs a symbol name, was ' '");
    assertThatThrownBy(() -> builder.bind(EntryPoint.STREAM_CONSUMER, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--stream-consumer needs a symbol name, was 'null'");
  }

  /** The conforming consumer refuses released structs with EINVAL: the call fails naming the symbol and errno. */
  @Test
  void nonZeroReturnIsNativeCallFailedWithSymbolAndErrnoName() {
    CDataConsumer consumer = FixtureTargets.consumer("consumer_take").consumer().orElseThrow();
    try (RootAllocator allocator = new RootAllocator(); KitStructs released = new KitStructs(allocator)) {
      assertThatThrownBy(() -> consumer.consume(released.arrayAddress(), released.schemaAddress(), allocator))
          .isInstanceOfSatisfying(NativeCallFailed.class, failed -> {
            assertThat(failed.symbol()).isEqualTo("consumer_take");
            assertThat(failed.errno()).isEqualTo(22);
          })
          .hasMessage("consumer_take returned 22 (EINVAL)");
    }
  }

  @Test
  void errnoWithoutAKnownNameIsGivenAsANumber() {
    assertThat(new NativeCallFailed("f", 9999)).hasMessage("f returned 9999");
    assertThat(Errno.nameOf(12)).hasValue("ENOMEM");
    assertThat(Errno.nameOf(9999)).isEmpty();
  }

  /**
   * The fault hook, as the kit's {@link AllocationFaults}: the armed allocation fails (the consumer
   * returns ENOMEM, having released the batch), disarming says it happened, and a second disarm
   * says nothing was armed.
   */
  @Test
  void faultHookFailsTheArmedAllocationAndSaysSo() throws Exception {
    NativeTarget target = FixtureTargets.consumer("consumer_take");
    CDataConsumer consumer = target.consumer().orElseThrow();
    AllocationFaults faults = consumer.faults().orElseThrow();
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs batch = KitBatches.export(allocator, ledger, "b", 1)) {
      faults.failAt(1);
      assertThatThrownBy(() -> consumer.consume(batch.arrayAddress(), batch.schemaAddress(), allocator))
          .hasMessage("consumer_take returned 12 (ENOMEM)");
      assertThat(faults.disarm()).isTrue();
      assertThat(faults.disarm()).isFalse();
      assertThat(batch.bases().stream().map(ledger::releaseCount)).containsExactly(1, 1);
    }
  }

  /** Once disarmed, the same call succeeds: the hook fails one allocation, once. */
  @Test
  void disarmedHookFailsNothing() throws Exception {
    CDataConsumer consumer = FixtureTargets.consumer("consumer_take").consumer().orElseThrow();
    AllocationFaults faults = consumer.faults().orElseThrow();
    faults.failAt(5); // beyond the consumer's two allocations
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs batch = KitBatches.export(allocator, ledger, "b", 1)) {
      consumer.consume(batch.arrayAddress(), batch.schemaAddress(), allocator).close();
      assertThat(faults.disarm()).isFalse();
      assertThat(batch.bases().stream().map(ledger::releaseCount)).containsExactly(1, 1);
    }
  }

  /** Closing what the consumer returned calls the drop hook: what consumer_keep kept is released and freed. */
  @Test
  void closingTheConsumersResultCallsTheDropHook() throws Exception {
    NativeTarget target = FixtureTargets.consumer("consumer_keep");
    long before = target.heldBytes().orElseThrow();
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStructs batch = KitBatches.export(allocator, ledger, "b", 1)) {
      AutoCloseable kept = target.consumer().orElseThrow().consume(batch.arrayAddress(), batch.schemaAddress(), allocator);
      assertThat(target.heldBytes().orElseThrow()).isGreaterThan(before);
      assertThat(batch.bases().stream().map(ledger::releaseCount)).containsExactly(0, 0);

      kept.close();

      assertThat(target.heldBytes()).hasValue(before);
      assertThat(batch.bases().stream().map(ledger::releaseCount)).containsExactly(1, 1);
    }
  }

  /** Closing what the stream consumer returned calls the drop hook too. */
  @Test
  void closingTheStreamConsumersResultCallsTheDropHook() throws Exception {
    NativeTarget target = FixtureTargets.streamConsumer("stream_consumer_keep_last");
    long before = target.heldBytes().orElseThrow();
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, ledger, 2)) {
      AutoCloseable kept = target.streamConsumer().orElseThrow().consume(stream.address(), allocator);
      assertThat(target.heldBytes().orElseThrow()).isGreaterThan(before);
      List<Integer> calls = stream.results().stream().map(ledger::releaseCount).toList();
      assertThat(calls).containsExactly(1, 1, 0); // the schema, batch 0, and batch 1 still kept

      kept.close();

      assertThat(target.heldBytes()).hasValue(before);
      assertThat(stream.results().stream().map(ledger::releaseCount)).containsExactly(1, 1, 1);
      assertThat(stream.releaseCalls()).isOne();
    }
  }

  /** A role or hook that was not bound is absent, and the producer then reports no bytes. */
  @Test
  void unboundRolesAndHooksAreAbsent() {
    NativeTarget onlyProducer = FixtureTargets.library(FixtureTargets.PRODUCERS)
        .bind(EntryPoint.PRODUCER, "producer_make_batch").load();
    assertThat(onlyProducer.consumer()).isEmpty();
    assertThat(onlyProducer.streamConsumer()).isEmpty();
    assertThat(onlyProducer.allocationFaults()).isEmpty();
    assertThat(onlyProducer.heldBytes()).isEmpty();
    assertThat(onlyProducer.has(EntryPoint.PRODUCER)).isTrue();
    assertThat(onlyProducer.has(EntryPoint.HELD_BYTES)).isFalse();
    assertThat(onlyProducer.producer().orElseThrow().allocatedBytes()).isEqualTo(-1);

    NativeTarget onlyHooks = FixtureTargets.library(FixtureTargets.CONSUMERS)
        .bind(EntryPoint.HELD_BYTES, "fixture_held_bytes").load();
    assertThat(onlyHooks.producer()).isEmpty();
    assertThat(onlyHooks.heldBytes()).isPresent();

    NativeTarget consumerWithoutHook = FixtureTargets.library(FixtureTargets.CONSUMERS)
        .bind(EntryPoint.CONSUMER, "consumer_take").load();
    assertThat(consumerWithoutHook.consumer().orElseThrow().faults()).isEmpty();
    assertThat(consumerWithoutHook.consumer().orElseThrow().heldBytes()).isEqualTo(-1);
    NativeTarget streamConsumerWithoutHook = FixtureTargets.library(FixtureTargets.STREAM_CONSUMERS)
        .bind(EntryPoint.STREAM_CONSUMER, "stream_consumer_read_all").load();
    assertThat(streamConsumerWithoutHook.streamConsumer().orElseThrow().heldBytes()).isEqualTo(-1);
  }

  /** The consumers' heldBytes() is the held-bytes hook, as the producers' allocatedBytes() is. */
  @Test
  void consumersReportTheHeldBytesHook() {
    NativeTarget consumer = FixtureTargets.consumer("consumer_keep");
    NativeTarget streamConsumer = FixtureTargets.streamConsumer("stream_consumer_keep_last");
    assertThat(consumer.consumer().orElseThrow().heldBytes()).isEqualTo(consumer.heldBytes().getAsLong());
    assertThat(streamConsumer.streamConsumer().orElseThrow().heldBytes())
        .isEqualTo(streamConsumer.heldBytes().getAsLong()).isNotEqualTo(-1);
  }

  /** With the held-bytes hook, the producer's allocatedBytes() is what the hook reports, batch held or not. */
  @Test
  void producerReportsTheHeldBytesHook() throws Exception {
    NativeTarget target = FixtureTargets.producer("producer_make_batch");
    CDataProducer producer = target.producer().orElseThrow();
    long before = producer.allocatedBytes();
    assertThat(target.heldBytes()).hasValue(before);
    try (RootAllocator allocator = new RootAllocator(); KitStructs batch = new KitStructs(allocator)) {
      producer.produce(batch.arrayAddress(), batch.schemaAddress());
      assertThat(producer.allocatedBytes()).isGreaterThan(before).isEqualTo(target.heldBytes().orElseThrow());
      batch.releaseLive();
    }
    assertThat(producer.allocatedBytes()).isEqualTo(before);
  }

  @Test
  void symbolsAreListedInEntryPointOrder() {
    Path library = FixtureTargets.library(FixtureTargets.CONSUMERS).load().library();
    NativeTarget target = NativeTarget.builder(library).bind(EntryPoint.DROP, "consumer_drop")
        .bind(EntryPoint.CONSUMER, "consumer_take").load();
    assertThat(target.library()).isEqualTo(library);
    assertThat(target.symbols()).containsExactly(Map.entry(EntryPoint.CONSUMER, "consumer_take"),
        Map.entry(EntryPoint.DROP, "consumer_drop"));
    assertThat(target).hasToString("libkit_consumer.so {CONSUMER=consumer_take, DROP=consumer_drop}");
  }

  /** Every entry point's type is a typedef of the shipped header, and the header names its option. */
  @Test
  void entryPointsMatchTheHeader() throws IOException {
    String header = Files.readString(Path.of("src/main/c/arrow_ownership_kit.h"));
    for (EntryPoint entryPoint : EntryPoint.values()) {
      assertThat(header).contains("(*" + entryPoint.cType() + ")(").contains("(`" + entryPoint.option() + " NAME`)");
    }
  }
}
