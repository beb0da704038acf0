package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.TestCaseOutcome;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.support.JUnitReports;
import dev.arrowownership.support.JUnitReports.Case;
import dev.arrowownership.support.JUnitReports.Suite;
import dev.arrowownership.support.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --layouts} on the C consumers of {@code src/test/c/cli_targets.c}: each consumer role
 * checked on every batch of the kit's tour, so a consumer broken on one layout only fails where the
 * default batch alone passes it, and a consumer holding a few types is seen accepting them.
 */
class CheckLayoutsTest {
  private static final String EXACTLY_ONCE = TestCaseOutcome.name(Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE);
  private static final int TOUR = ArrowArbitraries.tour().size();

  @TempDir
  Path reports;

  private String library;

  @BeforeEach
  void library() {
    library = NativeFixtures.require("cli_targets").toString();
  }

  /**
   * A consumer holding int32 only: exit 0, the layouts it holds pass (every rule observed on accepted
   * input), every other layout reads refused, and the reports say the same.
   */
  @Test
  void aConsumerHoldingSomeTypesPassesOnThemAndIsRefusingOnTheOthers() throws IOException {
    CliRun run = check("--consumer", "cli_consume_int32s", "--layouts");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.CONFORMS);
    List<Suite> suites = report("libcli_targets-consumer-layouts");
    assertThat(suites).hasSize(TOUR);
    List<Suite> accepted = suites.stream().filter(s -> outcome(s, EXACTLY_ONCE).systemOut().isPresent()
        && outcome(s, EXACTLY_ONCE).skipped().isEmpty()).toList();
    assertThat(accepted).extracting(Suite::name).as(run.toString()).isNotEmpty()
        .allMatch(name -> name.matches("libcli_targets-consumer-layouts on (i|\\+s<i(,i)*>)[ #].*"));
    assertThat(suites).allMatch(s -> s.failures() == 0);
    assertThat(run.out()).startsWith("checking --consumer cli_consume_int32s in libcli_targets.so on every layout of the tour\n"
        + "libcli_targets-consumer-layouts conforms on " + TOUR + " generated layouts: " + accepted.size() + " passed, "
        + (TOUR - accepted.size()) + " refused (unsupported: the kit's valid input refused), 0 failed\n")
        .doesNotContain("  result ") // no verdict table: no layout failed
        .endsWith("every required rule holds; the kit's valid input was refused in libcli_targets-consumer-layouts"
            + " (see unsupported above)\n");
    assertThat(Files.readString(reports.resolve("libcli_targets-consumer-layouts.md")))
        .contains("| `i length 5 offset 1 nulls SOME seed ")
        .contains(" | unsupported: ");
  }

  /**
   * A consumer that leaks run-end encoded batches only: the default batch passes it (the false pass
   * {@code --layouts} closes); over the tour it fails on the first run-end encoded layout, which the
   * summary names with the rule, with the table of each failing layout only (the top-level run-end
   * encoded ones; the other layouts it refuses, as cli_consume does) and exit 1.
   */
  @Test
  void aConsumerBrokenOnOneFamilyPassesTheDefaultBatchAndFailsOverTheLayouts() {
    CliRun single = check("--consumer", "cli_consume_leaking_run_ends");
    assertThat(single.exitCode()).as("observed: the default batch has no run-end encoded array\n" + single)
        .isEqualTo(Exit.CONFORMS);

    CliRun run = check("--consumer", "cli_consume_leaking_run_ends", "--layouts");

    String firstRunEnds = ArrowArbitraries.tour().stream().map(Object::toString).filter(l -> l.contains("+r<"))
        .findFirst().orElseThrow();
    assertThat(firstRunEnds).startsWith("+r<");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.BROKEN);
    assertThat(run.out()).contains("libcli_targets-consumer-layouts does not conform on " + TOUR + " generated layouts: ")
        .contains("; the first failing layout: " + firstRunEnds + " (" + Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE.id())
        .contains("\nlibcli_targets-consumer-layouts on " + firstRunEnds + " does not conform: ")
        .contains("\n  FAILED             " + Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE.id() + " ")
        .endsWith("a required rule is broken in libcli_targets-consumer-layouts (see FAILED above); the kit's valid input"
            + " was refused in libcli_targets-consumer-layouts (see unsupported above)\n");
    assertThat(run.out().lines().filter(line -> line.contains(" does not conform: ")))
        .allMatch(line -> line.contains("+r<"));
  }

  /** A conforming stream consumer keeps every rule on streams of every layout; a producer's check is unchanged. */
  @Test
  void aStreamConsumerIsCheckedOverTheLayoutsAndAProducerAsBefore() throws IOException {
    CliRun run = check("--producer", "cli_produce", "--stream-consumer", "cli_consume_stream", "--layouts");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.CONFORMS);
    assertThat(run.out()).contains("checking --producer cli_produce in libcli_targets.so\nlibcli_targets-producer conforms")
        .contains("libcli_targets-stream-consumer-layouts conforms on " + TOUR + " generated layouts: " + TOUR
            + " passed, 0 refused (unsupported: the kit's valid input refused), 0 failed\n")
        .endsWith("\nevery required rule holds\n");
    try (Stream<Path> files = Files.list(reports)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("libcli_targets-producer.md",
          "TEST-libcli_targets-producer.xml", "libcli_targets-stream-consumer-layouts.md",
          "TEST-libcli_targets-stream-consumer-layouts.xml");
    }
  }

  /**
   * A target that crashes the checking JVM over the tour: the error line names the layout and the
   * rule it was in.
   */
  @Test
  void aCrashNamesTheLayout() {
    CliRun run = CliRun.of("check", "--library", library, "--consumer", "cli_sum_first_row", "--layouts",
        "--report-dir", reports.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Exit.ERROR);
    assertThat(run.err()).contains(" while checking --consumer cli_sum_first_row on layout " + ArrowArbitraries.tour().get(0)
        + ": " + Rule.REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE.id() + ": ");
  }

  private static Case outcome(Suite suite, String name) {
    return suite.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private CliRun check(String... arguments) {
    String[] all = Stream.concat(Stream.of("check", "--library", library, "--in-process", "--report-dir", reports.toString()),
        Arrays.stream(arguments)).toArray(String[]::new);
    return CliRun.of(all);
  }

  private List<Suite> report(String target) throws IOException {
    return JUnitReports.parseAll(Files.readString(reports.resolve("TEST-" + target + ".xml")));
  }
}
