package dev.arrowownership.cli;

import dev.arrowownership.conformance.JUnitXml;
import dev.arrowownership.conformance.LayoutVerdicts;
import dev.arrowownership.conformance.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A verdict's report files: {@code DIR/TARGET.md} ({@link Verdict#toMarkdown()}) and {@code
 * DIR/TEST-TARGET.xml} ({@link JUnitXml}; the {@code TEST-} prefix is what CI servers look for); the
 * same two of a role's verdicts over the layout tour ({@link LayoutVerdicts}).
 */
final class Reports {
  private Reports() {}

  /** Writes both reports of {@code verdict} into {@code dir}, made if missing; returns their paths. */
  static List<Path> write(Path dir, Verdict verdict) {
    return write(dir, verdict.target(), verdict.toMarkdown(), JUnitXml.of(verdict));
  }

  /** Writes both reports of {@code verdicts}, one role over the tour, into {@code dir}; returns their paths. */
  static List<Path> write(Path dir, LayoutVerdicts verdicts) {
    return write(dir, verdicts.target(), verdicts.toMarkdown(), verdicts.toJUnitXml());
  }

  private static List<Path> write(Path dir, String target, String markdown, String junit) {
    Path markdownFile = dir.resolve(target + ".md");
    Path junitFile = dir.resolve("TEST-" + target + ".xml");
    try {
      Files.createDirectories(dir);
      Files.writeString(markdownFile, markdown);
      Files.writeString(junitFile, junit);
    } catch (IOException e) {
      throw new CliError("cannot write the reports of " + target + " into " + dir + ": " + e);
    }
    return List.of(markdownFile, junitFile);
  }
}
