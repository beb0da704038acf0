package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.nativecode.EntryPoint;
import dev.arrowownership.nativecode.NativeTargetException;
import dev.arrowownership.support.NativeFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step file holds the step the check is in, so that a crash leaves it behind for the command to read. */
class StepLogTest {
  @TempDir
  Path dir;

  @Test
  void fileHoldsTheCurrentStepOnly() {
    Path file = dir.resolve("steps");
    StepLog steps = StepLog.to(file);
    assertThat(StepLog.read(file)).isEmpty();

    steps.enter("binding libx.so");
    assertThat(StepLog.read(file)).isEqualTo("binding libx.so");
    steps.enter("checking --producer p");
    assertThat(StepLog.read(file)).isEqualTo("checking --producer p");
    steps.finish();
    assertThat(StepLog.read(file)).isEqualTo(StepLog.FINISHED);
  }

  /** Without a file nothing is written anywhere. */
  @Test
  void noneWritesNothing() {
    StepLog.none().enter("binding");
    StepLog.none().finish();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void unreadableOrUnwritableFileNamesItself() {
    assertThatThrownBy(() -> StepLog.read(dir)).isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read the check's step file " + dir);
    assertThatThrownBy(() -> StepLog.to(dir).enter("x")).isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write the check's step file " + dir);
  }

  /** The check logs binding before it loads the library: a library that cannot be bound leaves that step. */
  @Test
  void checkLogsBindingBeforeLoading() {
    Path library = NativeFixtures.require("cli_targets");
    Path file = dir.resolve("steps");
    CheckRequest request = new CheckRequest(library, "x", dir, Map.of(EntryPoint.PRODUCER, "no_such_symbol"), false);

    assertThatThrownBy(() -> InProcessCheck.run(request, StepLog.to(file), new PrintWriter(new StringWriter())))
        .isInstanceOf(NativeTargetException.class);
    assertThat(StepLog.read(file)).isEqualTo("binding " + library);
  }
}
