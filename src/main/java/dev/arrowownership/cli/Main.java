package dev.arrowownership.cli;

import dev.arrowownership.nativecode.NativeTargetException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The runnable jar's entry point: {@code java -jar arrow-ownership-<version>-cli.jar check --library
 * libfoo.so --producer make_batch ...}, or {@code header}. Every error is one line on standard
 * error, {@code error: ...}, and exit code 2; a stack trace follows only an error in the kit itself.
 */
@Command(name = "arrow-ownership", usageHelpAutoWidth = true,
    description = "Checks that native code hands over Arrow C Data Interface structs with exactly-once ownership.",
    footer = {"", "Run 'arrow-ownership check --help' for the options, the reports and the exit codes."})
public final class Main implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  private Main() {}

  /** Runs the command line and exits with its code: 0 conforms, 1 a required rule broken, 2 an error. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its subcommands and its one-line error handling. */
  static CommandLine commandLine() {
    CommandLine root = new CommandLine(new Main());
    root.addSubcommand("check", CheckCommand.commandLine());
    root.addSubcommand("header", new HeaderCommand());
    root.setParameterExceptionHandler(Main::badOptions);
    root.setExecutionExceptionHandler(Main::failed);
    return root;
  }

  /** Without a command: the options are wrong, so say which commands there are. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no command given: use 'check' or 'header'");
  }

  private static int badOptions(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("error: " + oneLine(e.getMessage()) + " (see '" + command.getCommandSpec().qualifiedName()
        + " --help')");
    command.getErr().flush();
    return Exit.ERROR;
  }

  /** An exception out of a command: the user's error in one line; the kit's own, a line and its stack trace. */
  static int failed(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof CliError || e instanceof NativeTargetException) {
      err.println("error: " + oneLine(e.getMessage()));
    } else {
      err.println("error: the kit itself failed (a bug; please report it with what follows): " + oneLine(e.toString()
          + (e.getCause() == null ? "" : "; " + e.getCause())));
      e.printStackTrace(err);
    }
    err.flush();
    return Exit.ERROR;
  }

  /** {@code text} on one line: each line break and the blanks around it as {@code "; "}. */
  static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
