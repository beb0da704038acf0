package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.HandMadeStreamProducer;
import dev.arrowownership.fixtures.StreamReleaseDoesNotSetNull;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The reader over a conforming stream (the hand-made producer's three batches): each result read
 * before the stream's release (the schema as text, each array as its digest) reads the same after
 * it; the stream's release leaves it NULL; closing the reader after all that releases nothing again.
 */
class ProducedStreamReaderTest {

  @Test
  void eachResultReadsTheSameBeforeAndAfterTheStreamsRelease() throws Exception {
    List<StreamRead.Result> results;
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        ProducedStreamReader reader = new ProducedStreamReader(allocator, ledger, 10)) {
      reader.produce(new HandMadeStreamProducer());
      reader.readToTheEnd();
      reader.releaseStreamThenResults();
      results = reader.results();
      assertThat(reader.endProblem()).isNull();
      assertThat(reader.streamNulled()).isTrue();
      assertThat(reader.releaseCounts()).isNotEmpty().allSatisfy((struct, calls) -> assertThat(calls).isEqualTo(1));
    }
    assertThat(results).hasSize(4);
    assertThat(results.get(0).before()).startsWith("SchemaNode[path=schema, format=+s,");
    assertThat(results.subList(1, 4)).allSatisfy(r -> assertThat(r.before()).matches("[0-9a-f]{64}"));
    assertThat(results).allSatisfy(r -> assertThat(r.after()).isEqualTo(r.before()));
  }

  /** A stream whose release returns with release still set is read as not nulled. */
  @Test
  void aReleaseThatLeavesReleaseSetIsSeen() throws Exception {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        ProducedStreamReader reader = new ProducedStreamReader(allocator, ledger, 10)) {
      reader.produce(new StreamReleaseDoesNotSetNull());
      reader.readToTheEnd();
      reader.releaseStreamThenResults();
      assertThat(reader.streamNulled()).isFalse();
    }
  }
}
