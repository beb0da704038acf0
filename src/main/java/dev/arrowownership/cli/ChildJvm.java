package dev.arrowownership.cli;

import dev.arrowownership.cli.ChildOutcome.CrashReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs a check in a child JVM (the same {@code java}, the same class path), because a native target
 * can kill the JVM that calls it: a symbol with the wrong signature dereferences a struct field as
 * a pointer, and the SIGSEGV ends the process with no Java code left to report it. The child runs
 * {@code check ... --in-process --step-file F}; its standard output is copied here as it comes (less
 * the crash banner, see {@link JvmBanner}), its standard error once it ended, and {@link
 * ChildOutcome} decides from its exit code, its step log and its crash report whether the check
 * ended by itself. The step log and the standard error are files beside the reports, deleted after.
 */
final class ChildJvm {
  private static final String MAIN = Main.class.getName();
  private static final String CRASH_REPORT = "hs_err_pid";

  private ChildJvm() {}

  /**
   * Runs {@code request} in a child JVM and returns the check's exit code.
   *
   * @throws CliError when the child did not end by itself (a crash, a kill), naming the step it was in
   */
  static int run(CheckRequest request, PrintWriter out, PrintWriter err) {
    try {
      Files.createDirectories(request.reportDir()); // the crash report goes there, and the child's step and errors
      Path stepFile = Files.createTempFile(request.reportDir(), ".check-", ".step");
      Path errors = Files.createTempFile(request.reportDir(), ".check-", ".err");
      try {
        return run(request, stepFile, errors, out, err);
      } finally {
        Files.deleteIfExists(stepFile);
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new CliError("cannot run the checking JVM: " + e);
    }
  }

  private static int run(CheckRequest request, Path stepFile, Path errors, PrintWriter out, PrintWriter err)
      throws IOException {
    // Standard input is the user's, as if the check ran in this process; standard error is read once the
    // child ended, so this thread only copies standard output as it comes.
    Process child = new ProcessBuilder(command(request, stepFile, System.getProperties()))
        .redirectInput(Redirect.INHERIT).redirectError(errors.toFile()).start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      JvmBanner.copy(output, out::println);
    }
    out.flush();
    // Not interruptible: the command has nothing better to do, and Ctrl-C ends the child with it.
    int exitCode = child.onExit().join().exitValue();
    Optional<CrashReport> crash = crashReport(request.reportDir().resolve(CRASH_REPORT + child.pid() + ".log"));
    Optional<String> error = ChildOutcome.error(exitCode, StepLog.read(stepFile), crash);
    // Decoded leniently: a native target may write any bytes there.
    new String(Files.readAllBytes(errors), Charset.defaultCharset()).lines().forEach(err::println);
    err.flush();
    error.ifPresent(message -> {
      throw new CliError(message);
    });
    return exitCode;
  }

  /**
   * The child's command line: this JVM's {@code java} and class path, the flags a check needs, this
   * JVM's {@code arrowownership.*} and {@code jna.*} system properties, and the check in process.
   */
  static List<String> command(CheckRequest request, Path stepFile, Properties properties) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(properties.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", // Arrow memory reflects into java.nio
        "-XX:ErrorFile=" + request.reportDir().toAbsolutePath().resolve(CRASH_REPORT + "%p.log"),
        "-XX:-CreateCoredumpOnCrash", // the crash report is enough: no core file in the user's directory
        "-XX:TieredStopAtLevel=1", // a check lasts seconds: C1 alone and the serial collector start sooner
        "-XX:+UseSerialGC"));
    properties.stringPropertyNames().stream().filter(name -> name.startsWith("arrowownership.") || name.startsWith("jna."))
        .sorted().forEach(name -> command.add("-D" + name + "=" + properties.getProperty(name)));
    command.addAll(List.of("-cp", properties.getProperty("java.class.path"), MAIN));
    command.addAll(request.arguments());
    command.addAll(List.of("--in-process", "--step-file", stepFile.toAbsolutePath().toString()));
    return command;
  }

  /** Read as Latin-1: any byte reads, and only its ASCII lines are parsed. */
  private static Optional<CrashReport> crashReport(Path file) throws IOException {
    return Files.exists(file) ? Optional.of(new CrashReport(file, Files.readString(file, StandardCharsets.ISO_8859_1)))
        : Optional.empty();
  }
}
