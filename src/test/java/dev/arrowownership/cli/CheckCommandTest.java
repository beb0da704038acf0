package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.TestCaseOutcome;
import dev.arrowownership.nativecode.EntryPoint;
import dev.arrowownership.support.JUnitReports;
import dev.arrowownership.support.JUnitReports.Suite;
import dev.arrowownership.support.NativeFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code check} command in this JVM ({@code --in-process}) on the C targets of {@code
 * src/test/c/cli_targets.c}: exit 0 for conforming targets, 1 for a broken one, with their reports
 * read back with an XML parser; 2 with one error line for everything that decides nothing.
 */
class CheckCommandTest {
  @TempDir
  Path reports;

  private String library;

  @BeforeEach
  void library() {
    library = NativeFixtures.require("cli_targets").toString();
  }

  /**
   * A consumer that refuses every valid batch, releasing it: exit 0 (the spec does not require a
   * consumer to hold every type), but the table, the summary and the last line say it refused, with
   * its error, and the JUnit report skips the rule.
   */
  @Test
  void aConsumerRefusingValidInputIsReportedAsRefusing() throws IOException {
    CliRun run = check("--consumer", "cli_consume_refusing");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.CONFORMS);
    assertThat(run.out()).contains("libcli_targets-consumer refused the kit's valid input with ")
        .contains("\n  unsupported        required_consumer_releases_exactly_once ")
        .endsWith("\nevery required rule holds; the kit's valid input was refused in libcli_targets-consumer (see"
            + " unsupported above)\n");
    assertThat(report("libcli_targets-consumer").skippedCases()).extracting(c -> c.name())
        .contains(TestCaseOutcome.name(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE));
  }

  /**
   * A conforming producer (with its held-bytes hook), consumer and stream consumer: exit 0, a table
   * and two reports per role, and no optional rule failed either.
   */
  @Test
  void conformingTargetsExitZeroWithTheirReports() throws IOException {
    CliRun run = check("--producer", "cli_produce", "--held-bytes", "cli_held_bytes", "--consumer", "cli_consume",
        "--stream-consumer", "cli_consume_stream");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.CONFORMS);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("checking --producer cli_produce in libcli_targets.so\n"
        + "libcli_targets-producer conforms: every required rule passed (4 of 4)\n  result ")
        .contains("checking --consumer cli_consume in libcli_targets.so\nlibcli_targets-consumer conforms: ")
        .contains("report: " + reports.resolve("TEST-libcli_targets-consumer.xml") + "\n")
        .contains("checking --stream-consumer cli_consume_stream in libcli_targets.so\n"
            + "libcli_targets-stream-consumer conforms: every required rule passed (" + requiredRulesOf(Rule.Role.STREAM_CONSUMER)
            + " of " + requiredRulesOf(Rule.Role.STREAM_CONSUMER) + ")\n")
        .doesNotContain("failed (optional)")
        .endsWith("\nevery required rule holds\n");

    Suite producer = report("libcli_targets-producer");
    assertThat(producer.tests()).isEqualTo(rulesOf(Rule.Role.PRODUCER));
    assertThat(producer.failures()).isZero();
    // A plain int32 array has no children; the producer exports no fault hook, so no allocation can fail.
    assertThat(producer.skippedCases()).extracting(c -> c.name()).containsExactly(
        TestCaseOutcome.name(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN),
        TestCaseOutcome.name(Rule.REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED));
    Suite consumer = report("libcli_targets-consumer");
    assertThat(consumer.tests()).isEqualTo(rulesOf(Rule.Role.CONSUMER));
    assertThat(consumer.failures()).isZero();
    Suite stream = report("libcli_targets-stream-consumer");
    assertThat(List.of(stream.tests(), stream.failures(), stream.skipped()))
        .containsExactly((int) rulesOf(Rule.Role.STREAM_CONSUMER), 0, 0);
    assertThat(Files.readString(reports.resolve("libcli_targets-producer.md")))
        .startsWith("# Conformance: libcli_targets-producer\n").contains("| `required_producer_release_frees_everything` |");
  }

  /** A producer whose release never sets release to NULL: exit 1, and exactly that rule fails in its report. */
  @Test
  void brokenProducerExitsOneAndItsReportFailsItsRule() {
    CliRun run = check("--producer", "cli_produce_release_not_nulled", "--name", "broken.v1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.BROKEN);
    assertThat(run.out()).contains("  FAILED             required_producer_release_sets_null ")
        .endsWith("\na required rule is broken in broken.v1-producer (see FAILED above)\n");
    Suite suite = report("broken.v1-producer");
    assertThat(suite.failures()).isEqualTo(1);
    assertThat(suite.failed()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo(TestCaseOutcome.name(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL));
      assertThat(c.failure().orElseThrow()).contains("release left non-NULL on [");
    });
  }

  /** A symbol the library does not export: exit 2, one line naming the library, the symbol and its option. */
  @Test
  void missingSymbolIsOneErrorLine() {
    CliRun run = check("--consumer", "no_such_symbol");

    assertThat(run.exitCode()).isEqualTo(Exit.ERROR);
    assertThat(run.errLines()).containsExactly(
        "error: libcli_targets.so exports no symbol 'no_such_symbol' (for --consumer, of type arrow_ownership_consumer)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingLibraryIsOneErrorLine() {
    Path absent = reports.resolve("libabsent.so");
    CliRun run = CliRun.of("check", "--library", absent.toString(), "--producer", "p", "--in-process");

    assertThat(run.exitCode()).isEqualTo(Exit.ERROR);
    assertThat(run.errLines()).containsExactly("error: no library at " + absent);
    assertThat(run.out()).isEmpty();
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of("no role", new String[] {"check", "--in-process", "--library", "lib.so", "--held-bytes", "h"},
            "error: no role given: name the symbol of at least one of --producer, --consumer, --stream-producer,"
                + " --stream-consumer (see --help)"),
        Arguments.of("no library", new String[] {"check", "--producer", "p"},
            "error: Missing required option: '--library=PATH' (see 'arrow-ownership check --help')"),
        Arguments.of("unknown option", new String[] {"check", "--library", "lib.so", "--producer", "p", "--fast"},
            "error: Unknown option: '--fast' (see 'arrow-ownership check --help')"),
        Arguments.of("blank symbol", new String[] {"check", "--in-process", "--library", "lib.so", "--producer", " "},
            "error: --producer needs a symbol name, was ' '"),
        Arguments.of("name with a slash", new String[] {"check", "--in-process", "--library", "lib.so", "--producer", "p", "--name", "a/b"},
            "error: --name 'a/b' must be letters, digits, '.', '_' or '-' (it names the report files)"),
        Arguments.of("no command", new String[] {},
            "error: no command given: use 'check' or 'header' (see 'arrow-ownership --help')"),
        Arguments.of("unknown command", new String[] {"verify"},
            "error: Unmatched argument at index 0: 'verify' (see 'arrow-ownership --help')"));
  }

  /**
   * Options that decide nothing: exit 2 and one error line, before any library is loaded (the checks
   * run in process here, so no child JVM repeats a refusal this JVM would have missed).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptions")
  void badOptionsAreOneErrorLine(String what, String[] arguments, String error) {
    CliRun run = CliRun.of(arguments);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.ERROR);
    assertThat(run.errLines()).containsExactly(error);
    assertThat(run.out()).isEmpty();
  }

  /** Reports that cannot be written (the report directory is a file): exit 2, one line naming the directory. */
  @Test
  void unwritableReportsAreOneErrorLine() throws IOException {
    Path file = Files.writeString(reports.resolve("taken"), "");
    CliRun run = CliRun.of("check", "--library", library, "--producer", "cli_produce", "--in-process", "--report-dir",
        file.toString());

    assertThat(run.exitCode()).isEqualTo(Exit.ERROR);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("error: cannot write the reports of libcli_targets-producer into " + file + ": ");
  }

  /** An error in the kit itself (here: its step file cannot be written) is one line, then the stack trace to report. */
  @Test
  void failureOfTheKitItselfIsALineThenItsStackTrace() {
    CliRun run = check("--producer", "cli_produce", "--step-file", reports.toString());

    assertThat(run.exitCode()).isEqualTo(Exit.ERROR);
    assertThat(run.errLines().get(0)).isEqualTo("error: the kit itself failed (a bug; please report it with what follows):"
        + " java.io.UncheckedIOException: cannot write the check's step file " + reports + "; " + "java.nio.file.FileSystemException: "
        + reports + ": Is a directory");
    assertThat(run.errLines().get(1)).startsWith("java.io.UncheckedIOException: cannot write the check's step file");
    assertThat(run.errLines().size()).isGreaterThan(3);
  }

  /**
   * While a role is checked, the step file names it (and the rule running: ChildJvmTest shows it on a
   * crash); once its rules are done it names the role again, so a check that stops there (its reports
   * fail here) leaves the role.
   */
  @Test
  void stepFileNamesTheRoleBeingChecked() throws IOException {
    Path steps = reports.resolve("steps");
    Path taken = Files.writeString(reports.resolve("taken"), "");
    CheckRequest request = new CheckRequest(Path.of(library), "x", taken, Map.of(EntryPoint.PRODUCER, "cli_produce"), false);

    assertThatThrownBy(() -> InProcessCheck.run(request, StepLog.to(steps), new PrintWriter(new StringWriter())))
        .isInstanceOf(CliError.class);
    assertThat(Files.readString(steps)).isEqualTo("checking --producer cli_produce");
  }

  /** Each rule the kit announces goes to the step file after the role, before the rule runs. */
  @Test
  void stepFileNamesTheRuleAfterTheRole() throws IOException {
    Path steps = reports.resolve("steps");
    InProcessCheck.ruleSteps(StepLog.to(steps), "checking --consumer c").accept("required_consumer_releases_exactly_once");
    assertThat(Files.readString(steps)).isEqualTo("checking --consumer c: required_consumer_releases_exactly_once");
  }

  /** An exception of the kit's own without a cause: its line names it alone, then the stack trace. */
  @Test
  void failureOfTheKitWithoutACauseIsItsOwnLine() {
    StringWriter err = new StringWriter();
    picocli.CommandLine command = Main.commandLine();
    command.setErr(new PrintWriter(err));

    assertThat(Main.failed(new IllegalStateException("boom"), command, null)).isEqualTo(Exit.ERROR);
    assertThat(err.toString()).startsWith("error: the kit itself failed (a bug; please report it with what follows):"
        + " java.lang.IllegalStateException: boom\njava.lang.IllegalStateException: boom\n\tat ");
  }

  /** The step file a parent command reads says where the check was; once it ended by itself, "finished". */
  @Test
  void stepFileEndsFinished() throws IOException {
    Path steps = reports.resolve("steps");
    check("--producer", "cli_produce", "--step-file", steps.toString());
    assertThat(Files.readString(steps)).isEqualTo(StepLog.FINISHED);
  }

  /** The help names every option (the entry points' from EntryPoint), the exit codes and where the header is. */
  @Test
  void helpExplainsOptionsExitCodesAndTheHeader() {
    CliRun run = CliRun.of("check", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--library=PATH", "--name=NAME", "--report-dir=DIR", "--layouts", "--in-process", "--help")
        .contains(Arrays.stream(EntryPoint.values()).map(e -> e.option() + "=SYMBOL").toList())
        .contains("Exit codes:", "  0  every required rule holds", "  1  a required rule is broken", "  2  nothing decided")
        .contains("'arrow-ownership header' prints\narrow_ownership_kit.h", "src/main/c/")
        .doesNotContain("--step-file");
    assertThat(CliRun.of("--help").out()).contains("check", "header", "arrow-ownership check --help");
  }

  /** The help lists the options in the order a user needs them: the library, the roles and hooks, then the rest. */
  @Test
  void helpListsOptionsInOrder() {
    String help = CliRun.of("check", "--help").out();
    List<String> options = new ArrayList<>(List.of("--library="));
    Arrays.stream(EntryPoint.values()).forEach(e -> options.add(e.option() + "="));
    options.addAll(List.of("--name=", "--report-dir=", "--layouts", "--in-process", "--help"));
    String described = help.substring(help.indexOf("\n      --library="));
    int last = -1;
    for (String option : options) {
      assertThat(described.indexOf(option)).as(option).isGreaterThan(last);
      last = described.indexOf(option);
    }
  }

  /** Each entry point's help gives its C type and, for a role, the rules it is checked against. */
  @Test
  void entryPointHelpGivesTheCTypeAndTheRules() {
    assertThat(CheckCommand.describe(EntryPoint.PRODUCER)).startsWith("a producer: int SYMBOL(")
        .endsWith("producer rules [arrow_ownership_producer]");
    assertThat(CheckCommand.describe(EntryPoint.STREAM_PRODUCER)).startsWith("a stream producer: int SYMBOL(")
        .endsWith("checked against the stream producer rules [arrow_ownership_stream_producer]");
    assertThat(CheckCommand.describe(EntryPoint.DROP)).startsWith("hook, optional: void SYMBOL(void)")
        .endsWith(" [arrow_ownership_drop]");
  }

  /**
   * The C stream producers of {@code src/test/c/stream_producers.c}: the conforming one with its hooks
   * exits 0; one that calls the release it finds in {@code out} exits 1, failing exactly that rule.
   */
  @Test
  void streamProducersAreCheckedByTheirRules() {
    library = NativeFixtures.require("stream_producers").toString();
    CliRun conforming = check("--stream-producer", "stream_produce", "--held-bytes", "stream_held_bytes",
        "--fail-allocation", "stream_fail_allocation");
    assertThat(conforming.exitCode()).as(conforming.toString()).isEqualTo(Exit.CONFORMS);
    Suite suite = report("libstream_producers-stream-producer");
    assertThat(suite.tests()).isEqualTo(rulesOf(Rule.Role.STREAM_PRODUCER));
    assertThat(suite.failures()).isZero();

    CliRun broken = check("--stream-producer", "stream_produce_releases_out", "--name", "releases-out");
    assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(Exit.BROKEN);
    assertThat(report("releases-out-stream-producer").failed()).extracting(c -> c.name())
        .contains(TestCaseOutcome.name(Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED));
  }

  /** {@code header} prints the header shipped in the jar: the file in src/main/c, byte for byte. */
  @Test
  void headerPrintsTheKitsHeader() throws IOException {
    CliRun run = CliRun.of("header");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(Path.of("src/main/c/arrow_ownership_kit.h")));
  }

  /** A build packaged without its header says so, instead of printing nothing. */
  @Test
  void headerMissingFromTheBuildIsAnError() {
    assertThatThrownBy(() -> new HeaderCommand("/no/such/header.h").call()).isInstanceOf(CliError.class)
        .hasMessage("/no/such/header.h is not on the class path: this build of the kit was packaged without its header");
  }

  private CliRun check(String... arguments) {
    String[] all = Stream.concat(Stream.of("check", "--library", library, "--in-process", "--report-dir", reports.toString()),
        Arrays.stream(arguments)).toArray(String[]::new);
    return CliRun.of(all);
  }

  private Suite report(String target) {
    try {
      return JUnitReports.parse(Files.readString(reports.resolve("TEST-" + target + ".xml")));
    } catch (IOException e) {
      throw new AssertionError("no JUnit report for " + target, e);
    }
  }

  private static long rulesOf(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role).count();
  }

  private static long requiredRulesOf(Rule.Role role) {
    return Arrays.stream(Rule.values()).filter(r -> r.role() == role && r.required()).count();
  }
}
