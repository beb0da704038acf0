package dev.arrowownership.libraries.arrowcpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.libraries.ConformanceReports;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;

/**
 * The kit's stream producer check of Acero's result stream, run as the main of a JVM of its own
 * ({@link ArrowCppStreamProducerTest}): the rule that the stream's release frees everything reads
 * Arrow C++'s default pool, which is the whole process's, and in the suite's JVM other Arrow C++
 * checks left memory there that their threads freed during this one (308,544 bytes once). Exit 0:
 * the verdict is as documented; 1: it is not (the failure is printed).
 */
final class ArrowCppStreamProducerCheck {
  private ArrowCppStreamProducerCheck() {}

  /** {@code args[0]}: the directory the Parquet fixture is written into. */
  public static void main(String[] args) {
    CheckProcess.runThenExit(() -> check(Path.of(args[0])));
  }

  /**
   * Acero's stream keeps every required rule the kit can measure and releases on another thread;
   * as observed, it writes its stream over a live one (the optional rule: the spec does not oblige
   * an exporter to refuse). Without a fault hook on the default pool, the error rules are not
   * applicable; StreamProducerErrorTest checks the error path by hand.
   */
  static void check(Path directory) {
    ParquetFixture parquet;
    try (RootAllocator writer = new RootAllocator()) {
      parquet = ParquetFixture.write(writer, directory, 3, 1_000);
    }
    Verdict verdict = ConformanceReports.write("arrow-cpp-stream-producer",
        ConformanceKit.checkStreamProducer(ArrowCppLibrary.VERSION + " Acero", ArrowCppTargets.substraitStream(parquet)));

    verdict.assertConforms();
    assertThat(verdict.with(Status.PASSED)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES,
        Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM,
        Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL, Rule.REQUIRED_STREAM_PRODUCER_RELEASE_FREES_EVERYTHING,
        Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD);
    assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY).message()).startsWith("after 3 batches");
    assertThat(verdict.result(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET).status()).isEqualTo(Status.FAILED);
    assertThat(verdict.with(Status.NOT_APPLICABLE)).extracting(RuleResult::rule).containsExactly(
        Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE, Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID);
    System.out.println("checked: " + verdict.summary());
  }
}
