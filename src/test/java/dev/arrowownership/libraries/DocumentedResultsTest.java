package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents' tables are read as written, and a report that misstates a verdict is caught. */
class DocumentedResultsTest {
  private static final String REPORT = """
      # A library

      <!-- verdicts: lib-a lib-b -->
      | rule | `a` | `b` |
      |---|---|---|
      | `required_producer_sets_release` | pass | pass: with details |
      | `required_producer_release_sets_null` | **finding**: a cause | n/a: no hook |
      | `optional_producer_release_on_another_thread` | **fails (optional)**: why | fails: why |

      | rule | result |
      |---|---|
      | `required_consumer_releases_exactly_once` | pass |
      """;

  @TempDir
  Path dir;

  @Test
  void readsEachCellOfAMarkedTableAndNothingElse() throws Exception {
    List<DocumentedResults.Cell> cells = DocumentedResults.of(Files.writeString(dir.resolve("lib.md"), REPORT));

    assertThat(cells).extracting(c -> c.verdict() + " " + c.rule() + " " + c.status()).containsExactly(
        "lib-a required_producer_sets_release PASSED", "lib-b required_producer_sets_release PASSED",
        "lib-a required_producer_release_sets_null FINDING", "lib-b required_producer_release_sets_null NOT_APPLICABLE",
        "lib-a optional_producer_release_on_another_thread FAILED",
        "lib-b optional_producer_release_on_another_thread FAILED");
  }

  @Test
  void aCellWithoutAStatusOrARowWithTheWrongWidthIsRefusedNamingIt() throws Exception {
    Path unclear = Files.writeString(dir.resolve("unclear.md"), REPORT.replace("pass: with details", "works"));
    Path narrow = Files.writeString(dir.resolve("narrow.md"), REPORT.replace("| n/a: no hook |", "|"));

    assertThatThrownBy(() -> DocumentedResults.of(unclear)).hasMessageContaining("`required_producer_sets_release`")
        .hasMessageContaining("works");
    assertThatThrownBy(() -> DocumentedResults.of(narrow)).hasMessageContaining("1 result cells")
        .hasMessageContaining("[lib-a, lib-b]");
  }

  @Test
  void aVerdictDiffersFromItsDocumentWhereAStatusOrARuleDoes() throws Exception {
    Map<String, DocumentedResults.Cell> documented = DocumentedResults.of(Files.writeString(dir.resolve("lib.md"), REPORT))
        .stream().filter(c -> c.verdict().equals("lib-a"))
        .collect(Collectors.toMap(DocumentedResults.Cell::rule, Function.identity()));
    Verdict agrees = new Verdict("a", List.of(
        RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "ok"),
        new RuleResult(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL, Status.FINDING, "known"),
        RuleResult.failed(Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD, "broken")));
    Verdict differs = new Verdict("a", List.of(
        RuleResult.passed(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "ok"),
        RuleResult.passed(Rule.REQUIRED_PRODUCER_RELEASE_SETS_NULL, "fixed upstream"),
        RuleResult.passed(Rule.REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING, "new rule")));

    assertThat(ConformanceReports.differences("lib-a", agrees, documented)).isEmpty();
    assertThat(ConformanceReports.differences("lib-a", differs, documented)).containsExactly(
        "`required_producer_release_sets_null` is documented in " + dir.resolve("lib.md")
            + " as FINDING (\"**finding**: a cause\"), observed PASSED: fixed upstream",
        "`required_producer_release_frees_everything` is not documented; observed PASSED: new rule",
        "`optional_producer_release_on_another_thread` is documented for 'lib-a' but the verdict has no such rule");
  }
}
