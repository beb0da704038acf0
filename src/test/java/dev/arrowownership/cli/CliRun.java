package dev.arrowownership.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the command line in this JVM, its standard output and error captured.
 *
 * @param exitCode what {@code main} would exit with
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code arguments} as {@code java -jar arrow-ownership-cli.jar ARGUMENTS} would. */
  static CliRun of(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    // Buffered and never flushed by a line: only what the command flushes reaches the captured text,
    // as only what it flushes reaches a user's terminal before the JVM exits.
    command.setOut(new PrintWriter(new BufferedWriter(out)));
    command.setErr(new PrintWriter(new BufferedWriter(err)));
    int exitCode = command.execute(arguments);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Standard error's lines. */
  List<String> errLines() {
    return err.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
