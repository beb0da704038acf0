package dev.arrowownership.cli;

import dev.arrowownership.cli.ChildOutcome.CrashReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Runs a check in a child JVM (the same {@code java}, the same class path), because a native target
 * can kill the JVM that calls it: a symbol with the wrong signature dereferences a struct field as
 * a pointer, and the SIGSEGV ends the process with no Java code left to report it. The child runs
 * {@code check ... --in-process --step-file F}; its standard output is copied here as it comes (less
 * the crash banner, see {@link JvmBanner}), its standard error once it ended, and {@link
 * ChildOutcome} decides from its exit code, its step log and its crash report whether the check
 * ended by itself.
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
    Path stepFile = null;
    try {
      Files.createDirectories(request.reportDir()); // the crash report goes there
      stepFile = Files.createTempFile("arrow-ownership-check-", ".step");
      Process child = new ProcessBuilder(command(request, stepFile, System.getProperties())).start();
      child.getOutputStream().close();
      List<String> errors = new ArrayList<>();
      Thread errorPump = new Thread(() -> copyLines(child.getErrorStream(), errors::add), "check stderr");
      errorPump.start();
      JvmBanner output = new JvmBanner(line -> {
        out.println(line);
        out.flush();
      });
      copyLines(child.getInputStream(), output);
      output.end();
      int exitCode = waitFor(child);
      errorPump.join();
      Optional<CrashReport> crash = crashReport(request.reportDir().resolve(CRASH_REPORT + child.pid() + ".log"));
      Optional<String> error = ChildOutcome.error(exitCode, StepLog.read(stepFile), crash);
      errors.forEach(err::println);
      err.flush();
      error.ifPresent(message -> {
        throw new CliError(message);
      });
      return exitCode;
    } catch (IOException e) {
      throw new CliError("cannot run the checking JVM: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliError("interrupted while the checking JVM ran");
    } finally {
      deleteIfPresent(stepFile);
    }
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

  private static int waitFor(Process child) throws InterruptedException {
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroyForcibly();
      throw e;
    }
  }

  /** Read as Latin-1: any byte reads, and only its ASCII lines are parsed. */
  private static Optional<CrashReport> crashReport(Path file) throws IOException {
    return Files.exists(file) ? Optional.of(new CrashReport(file, Files.readString(file, StandardCharsets.ISO_8859_1))) : Optional.empty();
  }

  private static void copyLines(InputStream stream, Consumer<String> sink) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream))) {
      lines.lines().forEach(sink);
    } catch (IOException | UncheckedIOException e) {
      sink.accept("(output of the checking JVM cut short: " + e.getMessage() + ")");
    }
  }

  private static void deleteIfPresent(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary file left behind is not worth failing the check for.
    }
  }
}
