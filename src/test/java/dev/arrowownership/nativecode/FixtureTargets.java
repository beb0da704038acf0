package dev.arrowownership.nativecode;

import dev.arrowownership.support.NativeFixtures;

/**
 * The native fixtures of {@code src/test/c/} bound as {@link NativeTarget}s, the way an adopter binds
 * a library: one entry point, and the hooks the library exports ({@code fixture_memory.h}'s held bytes
 * and fault hook in each; a drop hook where the library keeps data). Skips the test, with the native
 * build's reason, where the library was not built.
 */
final class FixtureTargets {
  static final String PRODUCERS = "kit_producer";
  static final String CONSUMERS = "kit_consumer";
  static final String STREAM_CONSUMERS = "kit_stream_consumer";

  private FixtureTargets() {}

  /** {@code symbol} of {@code libkit_producer.so} as the producer, with both memory hooks. */
  static NativeTarget producer(String symbol) {
    return withMemoryHooks(PRODUCERS).bind(EntryPoint.PRODUCER, symbol).load();
  }

  /** {@code symbol} of {@code libkit_consumer.so} as the consumer, with both memory hooks and its drop hook. */
  static NativeTarget consumer(String symbol) {
    return withMemoryHooks(CONSUMERS).bind(EntryPoint.CONSUMER, symbol).bind(EntryPoint.DROP, "consumer_drop").load();
  }

  /** {@code symbol} of {@code libkit_stream_consumer.so} as the stream consumer, with every hook. */
  static NativeTarget streamConsumer(String symbol) {
    return withMemoryHooks(STREAM_CONSUMERS).bind(EntryPoint.STREAM_CONSUMER, symbol)
        .bind(EntryPoint.DROP, "stream_consumer_drop").load();
  }

  /** The fixture library {@code libNAME.so}, to bind as the test likes. */
  static NativeTarget.Builder library(String name) {
    return NativeTarget.builder(NativeFixtures.require(name));
  }

  private static NativeTarget.Builder withMemoryHooks(String name) {
    return library(name).bind(EntryPoint.HELD_BYTES, "fixture_held_bytes")
        .bind(EntryPoint.FAIL_ALLOCATION, "fixture_fail_allocation");
  }
}
