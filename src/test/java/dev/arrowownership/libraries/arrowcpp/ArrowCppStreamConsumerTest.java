package dev.arrowownership.libraries.arrowcpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.libraries.OwnJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow C++'s dataset writer ({@code writeFromScannerToFile}, Parquet) as a stream consumer of the kit's streams. */
class ArrowCppStreamConsumerTest {
  @TempDir Path directory;

  @BeforeAll
  static void load() {
    ArrowCppLibrary.loadOrSkip();
  }

  /**
   * The writer keeps every stream consumer rule, the optional one too, but one: a batch of length -1
   * blocks it for ever, the stream and its batches never released; and a failed write releases its
   * stream once, if a little after it returns. Checked in a JVM of its own
   * ({@link ArrowCppStreamConsumerCheck}): after either, a JVM never finishes exiting.
   */
  @Test
  void parquetWriterKeepsTheStreamConsumerRulesButANegativeLengthAndReleasesFailedWritesOnce() throws Exception {
    OwnJvm.Ended check = OwnJvm.run(directory, Duration.ofSeconds(90), List.of(), ArrowCppStreamConsumerCheck.class,
        directory.resolve("written").toString());

    assertThat(check.ended()).as("the check ends its JVM after its verdict: %s", check.output()).isTrue();
    assertThat(check.exitValue()).as(check.output()).isZero();
    assertThat(check.output()).contains("checked: ", "failed writes: 5, each stream and batch released once");
  }
}
