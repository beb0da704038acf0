package dev.arrowownership.libraries.comet;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Verdict;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Comet's shuffle block decoder, a producer of one array and schema per column, checked per column type. */
class CometProducerTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close(); // the leak check
  }

  @ParameterizedTest
  @FieldSource("dev.arrowownership.libraries.comet.CometTargets#COLUMNS")
  void decodedColumnKeepsTheProducerRules(String column) throws Exception {
    Verdict verdict = ConformanceKit.checkProducer("comet decodeShuffleBlock " + column,
        CometTargets.columnProducer(allocator, column, 100));
    System.out.println(verdict.toMarkdown());
    verdict.assertConforms();
  }
}
