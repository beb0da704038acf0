package dev.arrowownership.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the checking JVM ended, as the command tells it: a check that ended by itself (its step log
 * says {@link StepLog#FINISHED}, its exit code is the check's, and it left no crash report) has
 * already printed everything; any other end is one error line naming the signal, the native frame
 * from the JVM's crash report when there is one, and the step the check was in.
 */
final class ChildOutcome {
  private static final Pattern SIGNAL = Pattern.compile("(?m)^#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
  private static final Pattern FRAME = Pattern.compile("(?m)^# [CV]\\s+\\[([^\\]+]+)[^\\]]*\\](?:\\s+([^+\\s]+))?");
  private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
      9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");
  /** A process killed by signal N exits, as {@link Process#exitValue()} reports it, with 128 + N. */
  private static final int SIGNALLED = 128;

  private ChildOutcome() {}

  /** The JVM's crash report ({@code hs_err_pid*.log}, {@code -XX:ErrorFile}): where it is and what it says. */
  record CrashReport(Path file, String text) {}

  /**
   * The error to report, or empty when the exit code is the check's own.
   *
   * @param exitCode the checking JVM's exit code
   * @param step what its step log said last ({@code ""} if it never wrote one)
   * @param crashReport the JVM's crash report, if it wrote one
   */
  static Optional<String> error(int exitCode, String step, Optional<CrashReport> crashReport) {
    boolean checkExitCode = exitCode >= Exit.CONFORMS && exitCode <= Exit.ERROR;
    if (step.equals(StepLog.FINISHED) && checkExitCode && crashReport.isEmpty()) {
      return Optional.empty();
    }
    String where = step.isEmpty() ? "starting" : step.equals(StepLog.FINISHED) ? "ending after the check" : step;
    if (crashReport.isEmpty() && exitCode <= SIGNALLED) {
      return Optional.of("the checking JVM ended with exit code " + exitCode + " while " + where);
    }
    String text = crashReport.map(CrashReport::text).orElse("");
    return Optional.of("the target crashed the checking JVM (" + signal(exitCode, text) + frame(text).orElse("")
        + ") while " + where + crashReport.map(report -> "; crash report: " + report.file()).orElse(""));
  }

  /** The signal the crash report names, else the one the exit code encodes, else {@code a fatal error}. */
  static String signal(int exitCode, String crashReport) {
    Matcher signal = SIGNAL.matcher(crashReport);
    if (signal.find()) {
      return signal.group(1);
    }
    int number = exitCode - SIGNALLED;
    return exitCode > SIGNALLED ? SIGNALS.getOrDefault(number, "signal " + number) : "a fatal error";
  }

  /** The crash report's problematic frame in native code (C) or in the JVM (V), e.g. {@code  in cli_sum_first_row, libcli_targets.so}. */
  static Optional<String> frame(String crashReport) {
    Matcher frame = FRAME.matcher(crashReport);
    if (!frame.find()) {
      return Optional.empty();
    }
    return Optional.of(frame.group(2) == null ? " in " + frame.group(1) : " in " + frame.group(2) + ", " + frame.group(1));
  }
}
