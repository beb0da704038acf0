package dev.arrowownership.conformance;

import dev.arrowownership.generate.BatchSource;

/**
 * Checks a C Data Interface producer, consumer, stream consumer or stream producer against the {@link Rule}s of its
 * role, with real release calls counted by the release ledger, and returns a {@link Verdict}.
 *
 * <pre>{@code
 * Verdict verdict = ConformanceKit.checkProducer("my-exporter", (array, schema) -> myLib.export(array, schema));
 * verdict.assertConforms();                       // fails naming every broken required rule
 * Files.writeString(report, verdict.toMarkdown()); // docs/conformance/my-exporter.md
 * }</pre>
 *
 * <p>A broken target never crashes the JVM: a second release is reported by the ledger, not
 * forwarded, and a child released by a consumer is reported and left for its parent's release.
 */
public final class ConformanceKit {
  private ConformanceKit() {}

  /** Checks every {@link Rule.Role#PRODUCER} rule on {@code producer}. */
  public static Verdict checkProducer(String target, CDataProducer producer) {
    return new Verdict(target, ProducerRules.check(producer));
  }

  /**
   * Checks every {@link Rule.Role#PRODUCER} rule on a producer that allocates from an allocator the
   * kit lends it: that allocator's memory is the producer's {@code allocatedBytes()}, and its
   * allocations are failed one at a time for {@link
   * Rule#REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED}. The allocator is closed after the
   * check.
   */
  public static Verdict checkProducer(String target, AllocatingProducer producer) {
    try (LentAllocatorProducer lent = new LentAllocatorProducer(producer)) {
      return checkProducer(target, lent);
    }
  }

  /** Checks every {@link Rule.Role#CONSUMER} rule on {@code consumer}, with batches the kit produces. */
  public static Verdict checkConsumer(String target, CDataConsumer consumer) {
    return new Verdict(target, ConsumerRules.check(consumer));
  }

  /**
   * Checks every {@link Rule.Role#CONSUMER} rule on {@code consumer}, its valid batches from {@code
   * source} (e.g. a {@link dev.arrowownership.generate.LayoutSource} of a generated layout); the
   * invalid batches of {@link Rule#REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE} stay the kit's own.
   */
  public static Verdict checkConsumer(String target, CDataConsumer consumer, BatchSource source) {
    return new Verdict(target, ConsumerRules.check(consumer, ConsumerRules.MAX_FAULT_POINTS, source));
  }

  /** Checks every {@link Rule.Role#STREAM_CONSUMER} rule on {@code consumer}, with a stream the kit exports. */
  public static Verdict checkStreamConsumer(String target, CDataStreamConsumer consumer) {
    return new Verdict(target, StreamConsumerRules.check(consumer));
  }

  /**
   * Checks every {@link Rule.Role#STREAM_CONSUMER} rule on {@code consumer}, its valid streams'
   * schema and batches from {@code source}; the streams with an invalid schema or batch stay the
   * kit's own.
   */
  public static Verdict checkStreamConsumer(String target, CDataStreamConsumer consumer, BatchSource source) {
    return new Verdict(target, StreamConsumerRules.check(consumer, source));
  }

  /**
   * Checks every {@link Rule.Role#STREAM_PRODUCER} rule on {@code producer}: the kit reads the
   * streams it produces as a consumer would (C Stream Interface), every schema and array tracked.
   */
  public static Verdict checkStreamProducer(String target, CDataStreamProducer producer) {
    return new Verdict(target, StreamProducerRules.check(producer));
  }
}
