package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library x rule matrix in {@code docs/conformance/README.md} (and its copy in the top README) says
 * what the libraries' reports say, which {@link ConformanceReports} holds to what the tests observe.
 *
 * <p>A library's cell for a rule sums the report's cells for it over every entry point: a finding if
 * any is one, else a failed optional rule, else a pass, else not applicable (also when no table of the
 * report has the rule: the library has no entry point for its role).
 */
class ConformanceMatrixTest {
  private static final Path MATRIX = DocumentedResults.DIRECTORY.resolve("README.md");
  private static final Path TOP_README = Path.of("README.md");
  private static final Pattern MARKER = Pattern.compile("<!--\\s*matrix:\\s*([^>]*?)\\s*-->");
  /**
   * Which status a cell shows when a library's entry points differ: the most serious; a refusal of
   * valid input before a pass, which it must not read as.
   */
  private static final List<Status> PRECEDENCE = List.of(Status.FINDING, Status.FAILED, Status.UNSUPPORTED,
      Status.PASSED, Status.NOT_APPLICABLE);

  @Test
  void everyCellSaysWhatTheLibrarysReportSays() throws IOException {
    Matrix matrix = Matrix.read(MATRIX);
    List<String> wrong = new ArrayList<>();
    for (String library : matrix.libraries()) {
      Map<String, List<DocumentedResults.Cell>> reported = DocumentedResults
          .of(DocumentedResults.DIRECTORY.resolve(library + ".md")).stream()
          .collect(Collectors.groupingBy(DocumentedResults.Cell::rule));
      for (Map.Entry<String, List<String>> row : matrix.rows().entrySet()) {
        Status expected = reported.getOrDefault(row.getKey(), List.of()).stream().map(DocumentedResults.Cell::status)
            .min(Comparator.comparingInt(PRECEDENCE::indexOf)).orElse(Status.NOT_APPLICABLE);
        String cell = row.getValue().get(matrix.libraries().indexOf(library));
        Status shown = DocumentedResults.statusOf(cell).orElse(null);
        if (shown != expected) {
          wrong.add(library + " x `" + row.getKey() + "`: the matrix shows \"" + cell + "\", " + library
              + ".md says " + expected);
        }
      }
    }
    assertThat(wrong).as("matrix cells that disagree with the library reports").isEmpty();
  }

  @Test
  void everyCDataRuleHasARowAndEveryLibraryAReport() throws IOException {
    Matrix matrix = Matrix.read(MATRIX);
    List<String> cDataRules = Arrays.stream(Rule.values()).filter(r -> r.role() != Rule.Role.WRAPPER).map(Rule::id)
        .toList();
    assertThat(matrix.rows().keySet()).containsExactlyInAnyOrderElementsOf(cDataRules);
    for (String library : matrix.libraries()) {
      assertThat(DocumentedResults.DIRECTORY.resolve(library + ".md")).exists();
    }
  }

  @Test
  void theTopReadmeShowsTheSameMatrix() throws IOException {
    assertThat(Matrix.tableText(TOP_README)).isEqualTo(Matrix.tableText(MATRIX));
  }

  /** The matrix: its library columns (report names) and each rule's cells, in order. */
  private record Matrix(List<String> libraries, Map<String, List<String>> rows) {
    static Matrix read(Path file) throws IOException {
      List<String> lines = tableText(file).lines().toList();
      Matcher marker = MARKER.matcher(lines.get(0));
      assertThat(marker.find()).as(file + " starts its matrix with <!-- matrix: library ... -->").isTrue();
      List<String> libraries = List.of(marker.group(1).split("\\s+"));
      Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
      for (String line : lines.subList(3, lines.size())) {
        String[] cells = line.strip().substring(1, line.strip().length() - 1).split("\\|", -1);
        assertThat(cells).as("row " + line).hasSize(libraries.size() + 1);
        String rule = cells[0].strip().replace("`", "");
        rows.put(rule, Arrays.stream(cells).skip(1).map(String::strip).toList());
      }
      return new Matrix(libraries, rows);
    }

    /** The marker line and the table after it. */
    static String tableText(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file);
      int start = -1;
      for (int i = 0; i < lines.size() && start < 0; i++) {
        start = MARKER.matcher(lines.get(i)).find() ? i : -1;
      }
      assertThat(start).as(file + " has a <!-- matrix: ... --> marker").isNotNegative();
      int end = start + 1;
      while (end < lines.size() && lines.get(end).startsWith("|")) {
        end++;
      }
      return String.join("\n", lines.subList(start, end));
    }
  }
}
