package dev.arrowownership.libraries.arrowcpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.libraries.OwnJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acero's result stream as a stream producer: a Substrait plan that reads a Parquet fixture, so
 * the stream, its schema and every batch are Arrow C++'s ({@code arrow::ExportRecordBatchReader}).
 */
class ArrowCppStreamProducerTest {
  @TempDir Path directory;

  @BeforeAll
  static void load() {
    ArrowCppLibrary.loadOrSkip();
  }

  /**
   * Acero keeps every required rule the kit can measure (see {@link ArrowCppStreamProducerCheck}),
   * checked in a JVM of its own, where Arrow C++'s default pool holds nothing of other checks.
   */
  @Test
  void aceroStreamKeepsTheRequiredStreamProducerRules() throws Exception {
    OwnJvm.Ended check = OwnJvm.run(directory, Duration.ofSeconds(90), List.of(), ArrowCppStreamProducerCheck.class,
        directory.resolve("parquet-fixture").toString());

    assertThat(check.ended()).as("the check ends its JVM after its verdict: %s", check.output()).isTrue();
    assertThat(check.exitValue()).as(check.output()).isZero();
    assertThat(check.output()).contains("checked: ");
  }
}
