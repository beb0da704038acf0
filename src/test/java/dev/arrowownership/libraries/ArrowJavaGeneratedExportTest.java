package dev.arrowownership.libraries;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleGrid;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.generate.ArrowLayout;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.arrow.memory.RootAllocator;

/**
 * Arrow Java 19.0.0's exporters over generated layouts ({@link ArrowJavaReexport}): every batch the
 * arbitraries generate that Arrow Java can import, it exports again keeping every producer rule, but
 * for the two union export findings of {@code docs/conformance/arrow-java.md}. A batch it cannot
 * import is never skipped silently: it counts as "not supported" in the jqwik statistics, and its
 * layout and Arrow Java's own error go to {@code target/conformance/arrow-java-generated-export.md}.
 * The tour's batches are pinned in that document by {@code ArrowJavaFamiliesTest}; this property
 * runs {@code -Darrowownership.layouts.tries} random ones ({@link ArrowJavaExportTries}: 5 by default).
 */
@AddLifecycleHook(ArrowJavaExportTries.class)
class ArrowJavaGeneratedExportTest {
  private static final Map<String, String> NOT_SUPPORTED = new TreeMap<>(); // guarded by itself
  private static final Map<String, String> UNION_FINDINGS = new TreeMap<>(); // guarded by NOT_SUPPORTED

  @Provide
  Arbitrary<LayoutBatch> batches() {
    return ArrowArbitraries.layoutBatches();
  }

  /**
   * Arrow Java's export of what it imported keeps every producer rule, or breaks only the union
   * findings; {@code asColumn} puts a batch that is not a record batch into one as its only column,
   * so both exporters see every family.
   */
  @Property
  void exportKeepsTheProducerRules(@ForAll("batches") LayoutBatch generated, @ForAll boolean asColumn) {
    LayoutBatch batch = asColumn && ArrowJavaReexport.Exporter.of(generated) == ArrowJavaReexport.Exporter.VECTOR
        ? new LayoutBatch(LayoutFormats.recordBatch(List.of(generated.layout())), generated.shape()) : generated;
    ArrowJavaReexport.Exporter exporter = ArrowJavaReexport.Exporter.of(batch);
    try (RootAllocator allocator = new RootAllocator()) {
      Optional<String> refusal = ArrowJavaReexport.importError(allocator, batch);
      if (refusal.isPresent()) {
        synchronized (NOT_SUPPORTED) {
          NOT_SUPPORTED.put(batch.layout().toString(), (sharesAName(batch.layout(), exporter) ? "yes" : "no") + " | "
              + RuleGrid.shorten(refusal.get()));
        }
        Statistics.collect(exporter.toString(), "not supported");
        return;
      }
      Verdict verdict = ConformanceKit.checkProducer("arrow-c-data 19.0.0 " + exporter + " " + batch,
          ArrowJavaReexport.producer(allocator, batch));
      List<RuleResult> failed = verdict.results().stream().filter(r -> r.status() == RuleResult.Status.FAILED).toList();
      if (!failed.stream().allMatch(r -> isUnionExportFinding(batch.layout(), r))) {
        verdict.assertConformsIncludingOptional(); // fails naming every broken rule
      }
      if (!failed.isEmpty()) {
        synchronized (NOT_SUPPORTED) {
          UNION_FINDINGS.put(batch.layout().toString(), exporter + ": " + FamilyTable.observed(failed.get(0)));
        }
      }
      Statistics.collect(exporter.toString(), failed.isEmpty() ? "conforms" : "union export finding");
    }
  }

  /**
   * True if {@code result} is one of the two union export findings: the exported batch does not
   * read as C Data, and the layout has a sparse union (its type ids rewritten to Arrow Java's minor
   * types) or a dense union whose type ids do not increase (its array children exported in another
   * order than its schema's).
   */
  static boolean isUnionExportFinding(ArrowLayout layout, RuleResult result) {
    return result.rule() == Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID
        && result.message().contains("does not read as C Data") && hasAFindingsUnion(layout);
  }

  private static boolean hasAFindingsUnion(ArrowLayout layout) {
    boolean here = layout.kind() == TypeKind.SPARSE_UNION
        || layout.kind() == TypeKind.DENSE_UNION && !increasing(layout.format().substring(layout.format().indexOf(':') + 1));
    return here || layout.children().stream().anyMatch(ArrowJavaGeneratedExportTest::hasAFindingsUnion)
        || layout.dictionary().map(ArrowJavaGeneratedExportTest::hasAFindingsUnion).orElse(false);
  }

  /**
   * True if a field Arrow Java builds as a vector has children of the same name: its struct vector
   * keeps one child per name (its default conflict policy replaces), while a root (the top of a
   * record batch) keeps duplicate columns.
   */
  static boolean sharesAName(ArrowLayout top, ArrowJavaReexport.Exporter exporter) {
    return exporter == ArrowJavaReexport.Exporter.ROOT ? sharesANameBelow(top) : sharesAName(top);
  }

  private static boolean sharesANameBelow(ArrowLayout field) {
    return field.children().stream().anyMatch(ArrowJavaGeneratedExportTest::sharesAName)
        || field.dictionary().map(ArrowJavaGeneratedExportTest::sharesAName).orElse(false);
  }

  private static boolean sharesAName(ArrowLayout field) {
    long names = field.children().stream().map(ArrowLayout::name).distinct().count();
    return names < field.children().size() || sharesANameBelow(field);
  }

  private static boolean increasing(String typeIds) {
    int[] ids = Arrays.stream(typeIds.split(",")).mapToInt(Integer::parseInt).toArray();
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] <= ids[i - 1]) {
        return false;
      }
    }
    return true;
  }

  @AfterContainer
  static void writeNotSupported() throws IOException {
    StringBuilder text = new StringBuilder("# Generated layouts Arrow Java 19.0.0 cannot import to re-export\n\n"
        + "| layout | children sharing a name below the top field | Arrow Java's error |\n|---|---|---|\n");
    synchronized (NOT_SUPPORTED) {
      NOT_SUPPORTED.forEach((layout, cells) -> text.append("| `").append(layout).append("` | ").append(cells)
          .append(" |\n"));
      text.append("\n## Generated layouts whose re-export shows a union export finding\n\n"
          + "| layout | exporter: what the kit observed |\n|---|---|\n");
      UNION_FINDINGS.forEach((layout, observed) -> text.append("| `").append(layout).append("` | ")
          .append(RuleGrid.shorten(observed)).append(" |\n"));
    }
    Path out = Path.of("target", "conformance");
    Files.createDirectories(out);
    Files.writeString(out.resolve("arrow-java-generated-export.md"), text.toString());
  }
}
