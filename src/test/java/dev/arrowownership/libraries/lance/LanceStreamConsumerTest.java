package dev.arrowownership.libraries.lance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.libraries.ConformanceReports;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lance's {@code Dataset.create} from an {@code ArrowArrayStream}, checked as a stream consumer. */
class LanceStreamConsumerTest {
  @BeforeAll
  static void load() {
    LanceNatives.loadOrSkip();
  }

  /**
   * Through {@link CarefulStream} (without it the JVM aborts: {@link LanceAbortTest}) Lance releases the
   * stream once and every schema and array it obtained once, on success and on every failure.
   */
  @Test
  void datasetCreateKeepsTheStreamConsumerRulesBehindAGuard(@TempDir Path directory) {
    Verdict verdict = ConformanceReports.write("lance-stream-consumer",
        ConformanceKit.checkStreamConsumer("lance-core 0.39.0 Dataset.create", LanceTargets.streamConsumer(directory)));

    verdict.assertConformsIncludingOptional();
    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(Status.PASSED);
    // Refused by Lance: unknown_format; by the guard: the other three (Lance aborts on two, reads the third).
    assertThat(verdict.result(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE).message()).endsWith(
        "rejected with an error: [unknown_format, wrong_buffer_count, negative_length, released_child], read without an"
            + " error: []");
    assertThat(verdict.result(Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED).message())
        .contains("LanceError(Arrow)");
  }
}
