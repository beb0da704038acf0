package dev.arrowownership.cli;

import dev.arrowownership.nativecode.EntryPoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: binds a library's entry points by symbol name and checks each role against the
 * kit's rules. One option per {@link EntryPoint}, named by {@link EntryPoint#option()}; by default the
 * check runs in a child JVM ({@link ChildJvm}), with {@code --in-process} in this one ({@link
 * InProcessCheck}).
 */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
    header = "Checks a native library's entry points against the ownership rules; exits 0, 1 or 2.",
    description = {
        "Checks the entry points a native library exports, as declared in arrow_ownership_kit.h, against the"
            + " ownership rules of the Arrow C Data and C Stream interfaces (each release called exactly once,"
            + " never a child on its own, release set to NULL, everything freed, ...).",
        "Name at least one role (--producer, --consumer, --stream-producer, --stream-consumer) by the symbol the library exports for"
            + " it; the hooks are optional and widen what is checked. Prints one verdict table per role and writes"
            + " DIR/NAME-ROLE.md (Markdown) and DIR/TEST-NAME-ROLE.xml (JUnit XML, one test case per rule).",
        ""},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  every required rule holds for every role checked (an optional rule's",
        "     failure is reported, not fatal)",
        "  1  a required rule is broken: FAILED in the table, <failure> in the XML",
        "  2  nothing decided: bad options, no role, a library or symbol that does not",
        "     bind, or a target that crashed the checking JVM (the error line names",
        "     the step; the JVM's crash report is in DIR)",
        "",
        "The C header the library implements: 'arrow-ownership header' prints",
        "arrow_ownership_kit.h (in the jar at dev/arrowownership/nativecode/, in the",
        "project at src/main/c/); each entry point returns 0 or an errno.",
        "System properties arrowownership.* and jna.* reach the checking JVM."})
final class CheckCommand implements Callable<Integer> {
  /** Where the entry points' options go in the help: after --library, before --name. */
  private static final int FIRST_ENTRY_POINT = 1;

  @Spec
  private CommandSpec spec;

  @Option(names = "--library", required = true, paramLabel = "PATH", order = 0,
      description = "the shared library to check (libfoo.so, libfoo.dylib, foo.dll)")
  private Path library;

  @Option(names = "--name", paramLabel = "NAME", order = 20,
      description = "the name in the reports' file names and headings (default: the library's file name up to its first"
          + " dot, e.g. libfoo)")
  private String name;

  @Option(names = "--report-dir", paramLabel = "DIR", order = 21, defaultValue = "arrow-ownership-reports",
      description = "where the reports go, made if missing (default: ${DEFAULT-VALUE})")
  private Path reportDir;

  @Option(names = "--layouts", order = 22,
      description = "check the consumer and stream consumer on every batch of the kit's layout tour (one of every type"
          + " family, nesting, dictionary and shape; a stream consumer on streams of each), not only on the default"
          + " batch: prints one summary per role and the table of each failing layout, and writes"
          + " DIR/NAME-ROLE-layouts.md and DIR/TEST-NAME-ROLE-layouts.xml. A producer makes its own layouts: its"
          + " check is unchanged")
  private boolean layouts;

  @Option(names = "--in-process", order = 23,
      description = "run the checks in this JVM; by default they run in a child JVM, so that a target that crashes"
          + " (say a symbol with the wrong signature) is reported as an error instead of ending this command")
  private boolean inProcess;

  /** Set by the command that runs this one in a child JVM: where to log each step. */
  @Option(names = "--step-file", hidden = true)
  private Path stepFile;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 31, description = "show this help and exit")
  private boolean help;

  /** The {@code check} command with one option per entry point and hook of the header. */
  static CommandLine commandLine() {
    CommandLine check = new CommandLine(new CheckCommand());
    for (EntryPoint entryPoint : EntryPoint.values()) {
      check.getCommandSpec().addOption(OptionSpec.builder(entryPoint.option()).paramLabel("SYMBOL").type(String.class)
          .order(FIRST_ENTRY_POINT + entryPoint.ordinal()).description(describe(entryPoint)).build());
    }
    return check;
  }

  /** The help text of an entry point's option: what it is, its C type, what it adds to the check. */
  static String describe(EntryPoint entryPoint) {
    String text = switch (entryPoint) {
      case PRODUCER -> "a producer: int SYMBOL(struct ArrowArray* out_array, struct ArrowSchema* out_schema) fills a"
          + " batch the kit then owns; checked against the producer rules";
      case CONSUMER -> "a consumer: int SYMBOL(struct ArrowArray* array, struct ArrowSchema* schema) takes ownership"
          + " of a batch the kit made; checked against the consumer rules";
      case STREAM_PRODUCER -> "a stream producer: int SYMBOL(struct ArrowArrayStream* out) fills a stream the kit then"
          + " owns; checked against the stream producer rules";
      case STREAM_CONSUMER -> "a stream consumer: int SYMBOL(struct ArrowArrayStream* stream) takes ownership of a"
          + " stream the kit made; checked against the stream consumer rules";
      case HELD_BYTES -> "hook, optional: int64_t SYMBOL(void) returns the bytes the library holds; with it the kit"
          + " checks that a released batch frees everything";
      case FAIL_ALLOCATION -> "hook, optional: int SYMBOL(int64_t k) makes the library's allocation #k fail (k < 0"
          + " disarms); with it the kit checks the consumer's failure paths";
      case DROP -> "hook, optional: void SYMBOL(void) releases what the library kept from what it consumed";
    };
    return text + " [" + entryPoint.cType() + "]";
  }

  @Override
  public Integer call() {
    StepLog steps = stepFile == null ? StepLog.none() : StepLog.to(stepFile);
    try {
      CheckRequest request = new CheckRequest(library, name == null ? CheckRequest.defaultName(library) : name,
          reportDir, symbols(), layouts);
      PrintWriter out = spec.commandLine().getOut();
      return inProcess ? InProcessCheck.run(request, steps, out) : ChildJvm.run(request, out, spec.commandLine().getErr());
    } finally {
      steps.finish();
    }
  }

  private Map<EntryPoint, String> symbols() {
    Map<EntryPoint, String> symbols = new EnumMap<>(EntryPoint.class);
    for (EntryPoint entryPoint : EntryPoint.values()) {
      String symbol = spec.findOption(entryPoint.option()).getValue();
      if (symbol != null) {
        symbols.put(entryPoint, symbol);
      }
    }
    return symbols;
  }
}
