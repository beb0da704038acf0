package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cli.ChildOutcome.CrashReport;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the checking JVM's end reads: its own exit code when it finished, else one line naming the crash and the step. */
class ChildOutcomeTest {
  /** The head of a real crash report, written by this JVM when cli_sum_first_row was bound as a consumer. */
  private static final String SIGSEGV_REPORT = """
      #
      # A fatal error has been detected by the Java Runtime Environment:
      #
      #  SIGSEGV (0xb) at pc=0x00007fa34feca2b4, pid=5846, tid=5847
      #
      # JRE version: OpenJDK Runtime Environment (17.0.15+6) (build 17.0.15+6-Debian-1deb12u1)
      # Problematic frame:
      # C  [libcli_targets.so+0x12b4]  cli_sum_first_row+0x3
      #
      # CreateCoredumpOnCrash turned off, no core file dumped
      """;
  private static final Path REPORT = Path.of("reports/hs_err_pid5846.log");
  private static final String STEP = "checking --consumer cli_sum_first_row";

  /** A check that finished with 0, 1 or 2 printed its own results: nothing to add. */
  @Test
  void finishedCheckKeepsItsExitCode() {
    for (int exitCode = Exit.CONFORMS; exitCode <= Exit.ERROR; exitCode++) {
      assertThat(ChildOutcome.error(exitCode, StepLog.FINISHED, Optional.empty())).isEmpty();
    }
  }

  /**
   * A JVM that crashed with core dumps off exits 1, like a broken rule: its step and its crash
   * report tell it apart; the line names the signal, the native frame and the report.
   */
  @Test
  void crashIsNamedWithSignalFrameStepAndReport() {
    assertThat(ChildOutcome.error(1, STEP, Optional.of(new CrashReport(REPORT, SIGSEGV_REPORT)))).contains(
        "the target crashed the checking JVM (SIGSEGV in cli_sum_first_row, libcli_targets.so) while checking --consumer"
            + " cli_sum_first_row; crash report: " + REPORT);
  }

  /** A crash report left by a JVM that had logged "finished" (a crash on the way out) is still a crash. */
  @Test
  void crashAfterTheCheckIsStillACrash() {
    assertThat(ChildOutcome.error(0, StepLog.FINISHED, Optional.of(new CrashReport(REPORT, SIGSEGV_REPORT))))
        .hasValueSatisfying(error -> assertThat(error).contains(") while ending after the check; crash report: "));
  }

  /** Killed by a signal without a crash report (128 + N): the signal from the exit code, the step it was in. */
  @Test
  void signalWithoutReportIsNamedFromTheExitCode() {
    assertThat(ChildOutcome.error(139, "binding /lib/libx.so", Optional.empty()))
        .contains("the target crashed the checking JVM (SIGSEGV) while binding /lib/libx.so");
    assertThat(ChildOutcome.error(137, STEP, Optional.empty())).contains("the target crashed the checking JVM (SIGKILL) while "
        + STEP);
    assertThat(ChildOutcome.signal(134, "")).isEqualTo("SIGABRT");
    assertThat(ChildOutcome.signal(200, "")).isEqualTo("signal 72");
    assertThat(ChildOutcome.signal(128, "")).isEqualTo("a fatal error");
  }

  /** An exit code that is not the check's, with no step: the JVM never started the check. */
  @Test
  void otherExitCodeSaysWhereTheCheckWas() {
    assertThat(ChildOutcome.error(1, "", Optional.empty())).contains("the checking JVM ended with exit code 1 while starting");
    assertThat(ChildOutcome.error(128, STEP, Optional.empty())).contains("the checking JVM ended with exit code 128 while " + STEP);
    assertThat(ChildOutcome.error(3, StepLog.FINISHED, Optional.empty()))
        .contains("the checking JVM ended with exit code 3 while ending after the check");
    assertThat(ChildOutcome.error(-1, StepLog.FINISHED, Optional.empty())).isPresent();
  }

  /** A crash report without a signal line (an internal error) says "a fatal error"; a frame without a symbol names the library. */
  @Test
  void reportWithoutSignalOrSymbol() {
    String report = "#\n# Internal Error (os_linux.cpp:1234)\n# C  [libfoo.so+0x1f00]\n";
    assertThat(ChildOutcome.signal(1, report)).isEqualTo("a fatal error");
    assertThat(ChildOutcome.frame(report)).contains(" in libfoo.so");
    assertThat(ChildOutcome.frame("# J 123 c1 Foo.bar()V")).isEmpty();
    assertThat(ChildOutcome.error(1, STEP, Optional.of(new CrashReport(REPORT, "# V  [libjvm.so+0x1]"))))
        .contains("the target crashed the checking JVM (a fatal error in libjvm.so) while " + STEP + "; crash report: " + REPORT);
  }
}
