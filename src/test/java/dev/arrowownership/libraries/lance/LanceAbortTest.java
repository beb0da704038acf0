package dev.arrowownership.libraries.lance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.libraries.OwnJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Lance 0.39.0's {@code Dataset.create} does, with no guard in between, with the kit's streams that
 * the conformance check hands it through {@link CarefulStream}: each in a JVM of its own ({@link
 * LanceAbort}), because three of them abort the process. Asserted as observed, so each case fails when
 * Lance changes. A panic inside Lance's JNI functions cannot unwind into Java ({@code extern "C"}), so
 * Rust aborts: arrow-rs 56.1.0 panics on a NULL {@code get_last_error} ({@code ArrowArrayStreamReader::next}
 * unwraps the message; fixed upstream by apache/arrow-rs#10844) and on buffers that do not match the
 * type or length (assertions in {@code PrimitiveArray::from} and {@code ArrayData::slice}), and Lance's
 * {@code StreamingWriteSource::into_stream_and_schema} (lance-datafusion {@code src/utils.rs}) unwraps the
 * task that panicked. The default run has the NULL message only (each case is a JVM start and a load of
 * Lance's 127 MB library, about 5 s); {@code -Darrowownership.lance.allAbortCases=true} runs all five.
 */
class LanceAbortTest {
  private static final int SIGABRT_EXIT = 134;
  private static final String CANNOT_UNWIND = "panic in a function that cannot unwind";

  @BeforeAll
  static void load() {
    LanceNatives.loadOrSkip(); // where Lance does not load, skip rather than read its absence as no abort
  }

  static Stream<Arguments> cases() {
    List<Arguments> causes = List.of(
        Arguments.of(LanceAbort.NULL_LAST_ERROR, SIGABRT_EXIT, List.of("arrow-array-56.1.0/src/ffi_stream.rs",
            "called `Option::unwrap()` on a `None` value", CANNOT_UNWIND)));
    List<Arguments> more = List.of(
        Arguments.of("wrong_buffer_count", SIGABRT_EXIT, List.of("arrow-array-56.1.0/src/array/primitive_array.rs",
            "PrimitiveArray data should contain a single buffer only", "lance-datafusion/src/utils.rs", CANNOT_UNWIND)),
        Arguments.of("negative_length", SIGABRT_EXIT, List.of("arrow-data-56.1.0/src/data.rs",
            "assertion failed: (offset + length) <= self.len()", CANNOT_UNWIND)),
        // Refused cleanly: the stream and the schema released once each.
        Arguments.of("unknown_format", 0, List.of("refused: C Data interface error: The datatype \"\"?kit\"\" is still"
            + " not supported in Rust implementation", "stream releases 1, results unreleased 0, violations 0")),
        // Read without an error: arrow-rs does not look at a child's release, so the released column is written.
        Arguments.of("released_child", 0, List.of("created", "stream releases 1, results unreleased 0, violations 0")));
    return Boolean.getBoolean("arrowownership.lance.allAbortCases")
        ? Stream.concat(causes.stream(), more.stream()) : causes.stream();
  }

  /** Lance's {@code Dataset.create}, handed the kit's stream {@code scenario}, ends as observed. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void datasetCreateOnAnAdversarialStream(String scenario, int exitCode, List<String> output, @TempDir Path directory)
      throws Exception {
    OwnJvm.Ended ended = OwnJvm.run(directory, Duration.ofSeconds(60), List.of("-XX:-CreateCoredumpOnCrash"),
        LanceAbort.class, directory.resolve("dataset").toString(), scenario);
    String text = ended.output();
    assertThat(ended.ended()).as("the JVM ends").isTrue();
    assertThat(ended.exitValue()).as(text).isEqualTo(exitCode);
    assertThat(text).contains(output);
    if (exitCode == SIGABRT_EXIT) {
      assertThat(text).doesNotContain("created", "refused", "stream releases");
    }
  }
}
