package dev.arrowownership.conformance;

import dev.arrowownership.fixtures.LayoutStreamProducer;
import dev.arrowownership.fixtures.ReadingConsumer;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.generate.ArrayContent;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.generate.BatchShape;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutCoverage;
import dev.arrowownership.generate.LayoutSource;
import dev.arrowownership.generate.LayoutStream;
import dev.arrowownership.generate.LayoutTries;
import dev.arrowownership.generate.NativeLayoutWriter;
import dev.arrowownership.generate.ReleasePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every rule of every role over generated layouts of every type family: the kit's own native
 * producer keeps every producer rule, its stream producer ({@link LayoutStreamProducer}) every stream
 * producer rule, and the conforming consumers keep theirs whatever layout the kit hands them. Each
 * role runs the deterministic tour (every family and shape) and then {@code
 * -Darrowownership.layouts.tries} random batches or streams; the coverage of all of them is written
 * to {@code target/layout-coverage.md}.
 */
@AddLifecycleHook(LayoutTries.class)
class GeneratedLayoutRulesTest {
  private static final LayoutCoverage COVERAGE = new LayoutCoverage();

  @Provide
  Arbitrary<LayoutBatch> batches() {
    return ArrowArbitraries.layoutBatches();
  }

  /** The kit's native producer keeps every producer rule, optional ones too, for every generated batch. */
  @Property
  void producerRules(@ForAll("batches") LayoutBatch batch) {
    checkProducer(batch);
  }

  /** A conforming consumer keeps every consumer rule for every generated batch. */
  @Property
  void consumerRules(@ForAll("batches") LayoutBatch batch) {
    checkConsumer(batch);
  }

  /** A conforming stream consumer keeps every stream-consumer rule for streams of every generated layout. */
  @Property
  void streamConsumerRules(@ForAll("batches") LayoutBatch batch) {
    checkStreamConsumer(batch);
  }

  @Provide
  Arbitrary<LayoutStream> streams() {
    return ArrowArbitraries.layoutStreams();
  }

  /** The kit's stream producer keeps every stream-producer rule, optional ones too, for every generated stream. */
  @Property
  void streamProducerRules(@ForAll("streams") LayoutStream stream) {
    checkStreamProducer(stream);
  }

  /** The tour, each batch through every role; and it covers every family and feature. */
  @Example
  void everyRoleOverTheTourThatCoversEveryFamily() {
    LayoutCoverage tour = new LayoutCoverage();
    for (LayoutBatch batch : ArrowArbitraries.tour()) {
      tour.record(batch);
      checkProducer(batch);
      checkConsumer(batch);
      checkStreamConsumer(batch);
      checkStreamProducer(streamOf(batch));
    }
    tour.assertComplete();
  }

  /** A stream of {@code batch}'s layout: the batch, an empty batch, and the batch again with other values. */
  static LayoutStream streamOf(LayoutBatch batch) {
    BatchShape shape = batch.shape();
    return new LayoutStream(batch.layout(), List.of(shape, new BatchShape(0, 0, shape.nulls(), shape.seed() + 1),
        new BatchShape(shape.length(), shape.offset(), shape.nulls(), shape.seed() + 2)));
  }

  @AfterContainer
  static void writeCoverage() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "layout-coverage.md"), "# Generated layouts checked by every role\n\n"
        + COVERAGE.report());
  }

  static void checkProducer(LayoutBatch batch) {
    COVERAGE.record(batch);
    ArrayContent content = batch.content(); // built once: the failure rule produces it once per allocation point
    ConformanceKit.checkProducer(batch.toString(), (array, schema, allocator) ->
        NativeLayoutWriter.write(content, allocator, ReleasePlan.COMPLETE, array, schema)).assertConformsIncludingOptional();
  }

  static void checkConsumer(LayoutBatch batch) {
    COVERAGE.record(batch);
    ConformanceKit.checkConsumer(batch.toString(), new ReadingConsumer(), new LayoutSource(batch)).assertConforms();
  }

  static void checkStreamProducer(LayoutStream stream) {
    for (int i = 0; i < stream.batches().size(); i++) {
      COVERAGE.record(stream.batch(i));
    }
    try (LayoutStreamProducer producer = new LayoutStreamProducer(stream, ReleasePlan.COMPLETE)) {
      ConformanceKit.checkStreamProducer(stream.toString(), producer).assertConformsIncludingOptional();
    }
  }

  static void checkStreamConsumer(LayoutBatch batch) {
    COVERAGE.record(batch);
    ConformanceKit.checkStreamConsumer(batch.toString(), new ReadingStreamConsumer(), new LayoutSource(batch))
        .assertConforms();
  }
}
