package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.generate.ArrowLayout;
import dev.arrowownership.generate.BatchShape;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutFormats;
import dev.arrowownership.generate.LayoutSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.junit.jupiter.api.Test;

/** The consumer and stream-consumer checks hand over the batches of the source they are given. */
class BatchSourceChecksTest {
  private static final LayoutBatch RUN_ENDS = new LayoutBatch(
      LayoutFormats.runEndEncoded("s", ArrowLayout.leaf("vu", "v")), new BatchShape(4, 1, BatchShape.Nulls.SOME, 3));

  /** checkConsumer(target, consumer, source): every valid batch handed over is the source's layout. */
  @Test
  void theConsumerCheckHandsOverTheSourcesBatches() {
    List<String> formats = new ArrayList<>();
    CDataConsumer recording = (array, schema, allocator) -> {
      try {
        formats.add(CDataReader.read(array, schema).schema().format());
      } catch (IllegalArgumentException invalid) {
        formats.add("invalid");
      }
      ArrowArray.wrap(array).release();
      ArrowSchema.wrap(schema).release();
      return () -> { };
    };
    Verdict verdict = ConformanceKit.checkConsumer("recording", recording, new LayoutSource(RUN_ENDS));
    assertThat(verdict.target()).isEqualTo("recording");
    assertThat(verdict.result(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE).status()).isEqualTo(RuleResult.Status.PASSED);
    assertThat(formats).first().isEqualTo("+r");
    assertThat(formats).doesNotContain("+s"); // the kit's own batch is a struct: none was valid here
  }

  /** checkStreamConsumer(target, consumer, source): a conforming stream consumer keeps every rule on the source's streams. */
  @Test
  void theStreamConsumerCheckRunsOnTheSourcesStreams() {
    Verdict verdict = ConformanceKit.checkStreamConsumer("reading", new ReadingStreamConsumer(), new LayoutSource(RUN_ENDS));
    assertThat(verdict.target()).isEqualTo("reading");
    verdict.assertConforms();
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE).message()).startsWith("4 schemas and arrays");
  }
}
