package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.nativecode.EntryPoint;
import dev.arrowownership.support.NativeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check in a child JVM: its command line, a target that crashes it (reported in one line, exit
 * 2, the banner held back), and a check that ends by itself (its exit code and errors passed on).
 * Each real run starts a JVM: two runs here; exits 0 and 1 through the jar in {@code CheckCommandIT}.
 */
class ChildJvmTest {
  @TempDir
  Path reports;

  /** This JVM's java, the flags a check needs, the kit's and JNA's properties only, then the check in process. */
  @Test
  void commandRunsTheSameCheckInProcessWithTheFlagsItNeeds() {
    Properties properties = new Properties();
    properties.setProperty("java.home", "/jdk");
    properties.setProperty("java.class.path", "a.jar:b.jar");
    properties.setProperty("jna.library.path", "/native");
    properties.setProperty("arrowownership.rows", "8");
    properties.setProperty("user.name", "someone");
    CheckRequest request = new CheckRequest(Path.of("libx.so"), "x", reports, Map.of(EntryPoint.PRODUCER, "p"), false);
    Path steps = reports.resolve("steps");

    List<String> command = ChildJvm.command(request, steps, properties);

    assertThat(command).containsExactlyElementsOf(concat(List.of("/jdk/bin/java", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-XX:ErrorFile=" + reports.toAbsolutePath() + "/hs_err_pid%p.log", "-XX:-CreateCoredumpOnCrash", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Darrowownership.rows=8", "-Djna.library.path=/native", "-cp", "a.jar:b.jar",
        "dev.arrowownership.cli.Main"), request.arguments(), List.of("--in-process", "--step-file", steps.toAbsolutePath().toString())));
  }

  /**
   * A symbol with the wrong signature (it reads the array's length as a pointer) kills the checking
   * JVM with SIGSEGV: the command says so in one line, naming the frame, the step and the crash
   * report, exits 2, and passes on what the check printed before, not the JVM's banner.
   */
  @Test
  void targetThatCrashesTheCheckingJvmIsOneErrorLine() throws Exception {
    String library = NativeFixtures.require("cli_targets").toString();
    CliRun run = CliRun.of("check", "--library", library, "--consumer", "cli_sum_first_row", "--report-dir", reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.ERROR);
    assertThat(run.errLines()).singleElement().asString().matches(Pattern.quote("error: the target crashed the checking JVM"
        + " (SIGSEGV in cli_sum_first_row, libcli_targets.so) while checking --consumer cli_sum_first_row:"
        + " required_consumer_releases_exactly_once: the valid batch; crash report: "
        + reports.toAbsolutePath() + "/hs_err_pid") + "\\d+\\.log");
    assertThat(run.out()).isEqualTo("checking --consumer cli_sum_first_row in libcli_targets.so\n");
    Path crashReport = Path.of(run.err().substring(run.err().indexOf("crash report: ") + 14).strip());
    assertThat(Files.readString(crashReport)).contains("cli_sum_first_row");
    try (Stream<Path> left = Files.list(reports)) { // the step log and the errors are gone, the crash report stays
      assertThat(left).containsExactly(crashReport);
    }
  }

  /**
   * A check that ends by itself in the child (here: a symbol the library lacks, exit 2): its exit
   * code and its standard error passed on as they were, and nothing of the run left beside the reports.
   */
  @Test
  void checkThatEndsByItselfKeepsItsExitCodeAndErrors() throws Exception {
    String library = NativeFixtures.require("cli_targets").toString();
    CliRun run = CliRun.of("check", "--library", library, "--producer", "no_such_symbol", "--report-dir", reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.ERROR);
    assertThat(run.err()).isEqualTo("error: libcli_targets.so exports no symbol 'no_such_symbol' (for --producer, of"
        + " type arrow_ownership_producer)\n");
    assertThat(run.out()).isEmpty();
    assertThat(reports).isEmptyDirectory();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }
}
