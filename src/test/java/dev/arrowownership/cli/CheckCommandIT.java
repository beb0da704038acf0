package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.TestCaseOutcome;
import dev.arrowownership.generate.LayoutTour;
import dev.arrowownership.support.JUnitReports;
import dev.arrowownership.support.JUnitReports.Suite;
import dev.arrowownership.support.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runnable jar, run as a user runs it ({@code java -jar arrow-ownership-<version>-cli.jar
 * check ...}, in its own process, failsafe after {@code package}) against the C targets of {@code
 * src/test/c/cli_targets.c}: exit 0 with its reports, 1 for a broken producer, 2 for a missing symbol
 * and for a target that crashes the checking JVM; and the header it ships.
 */
class CheckCommandIT {
  private static final Path JAR = Path.of(System.getProperty("arrowownership.cli.jar", "target/arrow-ownership-cli.jar"));

  @TempDir
  Path reports;

  private String library;

  /** What one run of the jar did. */
  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  @BeforeEach
  void jarAndLibrary() {
    assumeTrue(Files.isRegularFile(JAR), () -> JAR + " is not built: run `mvn package` (failsafe runs this test after it)");
    library = NativeFixtures.require("cli_targets").toString();
  }

  @Test
  void conformingProducerAndConsumerExitZeroWithTheirReports() throws Exception {
    Run run = jar("check", "--library", library, "--producer", "cli_produce", "--held-bytes", "cli_held_bytes",
        "--consumer", "cli_consume", "--report-dir", reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).endsWith("\nevery required rule holds\n");
    // Not applicable to a plain int32 array without a fault hook: the children rule and the failure-path rule.
    Suite producer = report("libcli_targets-producer");
    assertThat(List.of(producer.tests(), producer.failures(), producer.skipped()))
        .containsExactly(rulesOf(Rule.Role.PRODUCER), 0, 2);
    Suite consumer = report("libcli_targets-consumer");
    assertThat(List.of(consumer.tests(), consumer.failures())).containsExactly(rulesOf(Rule.Role.CONSUMER), 0);
    assertThat(reports.resolve("libcli_targets-consumer.md")).content().startsWith("# Conformance: libcli_targets-consumer\n");
  }

  /**
   * {@code --layouts} from the packaged jar, which has no jqwik inside: the tour is built without it
   * (a first version reached jqwik through ArrowArbitraries and died of NoClassDefFoundError here).
   */
  @Test
  void layoutsRunFromTheJarOverEveryLayoutOfTheTour() throws Exception {
    Run run = jar("check", "--library", library, "--consumer", "cli_consume_int32s", "--layouts", "--report-dir",
        reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("libcli_targets-consumer-layouts conforms on " + LayoutTour.batches().size()
        + " generated layouts: ");
    assertThat(reports.resolve("libcli_targets-consumer-layouts.md")).isRegularFile();
  }

  @Test
  void brokenProducerExitsOneAndItsReportFailsItsRule() throws Exception {
    Run run = jar("check", "--library", library, "--producer", "cli_produce_release_not_nulled", "--report-dir",
        reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    Suite suite = report("libcli_targets-producer");
    assertThat(suite.failures()).isEqualTo(1);
    assertThat(suite.failed()).singleElement().extracting(JUnitReports.Case::name)
        .isEqualTo(TestCaseOutcome.name(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL));
  }

  @Test
  void missingSymbolExitsTwoWithOneLine() throws Exception {
    Run run = jar("check", "--library", library, "--consumer", "no_such_symbol", "--report-dir", reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: libcli_targets.so exports no symbol 'no_such_symbol'"
        + " (for --consumer, of type arrow_ownership_consumer)\n");
  }

  /** A symbol with the wrong signature crashes the checking JVM at once: one error line, exit 2, no JVM banner. */
  @Test
  void targetThatCrashesExitsTwoWithOneLine() throws Exception {
    Run run = jar("check", "--library", library, "--consumer", "cli_sum_first_row", "--report-dir", reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).matches(Pattern.quote("error: the target crashed the checking JVM (SIGSEGV in cli_sum_first_row,"
        + " libcli_targets.so) while checking --consumer cli_sum_first_row:"
        + " required_consumer_releases_exactly_once: the valid batch; crash report: " + reports) + "/hs_err_pid\\d+\\.log\n");
    assertThat(run.out()).isEqualTo("checking --consumer cli_sum_first_row in libcli_targets.so\n");
  }

  @Test
  void headerIsTheOneInTheProject() throws Exception {
    Run run = jar("header");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(Path.of("src/main/c/arrow_ownership_kit.h")));
  }

  private Run jar(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString()));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile(reports.getParent(), "cli-out", ".txt");
    Path err = Files.createTempFile(reports.getParent(), "cli-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the jar did not end within 120 s: " + command);
      }
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private Suite report(String target) throws IOException {
    return JUnitReports.parse(Files.readString(reports.resolve("TEST-" + target + ".xml")));
  }

  private static int rulesOf(Rule.Role role) {
    return (int) java.util.Arrays.stream(Rule.values()).filter(r -> r.role() == role).count();
  }
}
