package dev.arrowownership.cli;

import dev.arrowownership.conformance.JUnitXml;
import dev.arrowownership.conformance.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A verdict's report files: {@code DIR/TARGET.md} ({@link Verdict#toMarkdown()}) and {@code
 * DIR/TEST-TARGET.xml} ({@link JUnitXml}; the {@code TEST-} prefix is what CI servers look for).
 */
final class Reports {
  private Reports() {}

  /** Writes both reports of {@code verdict} into {@code dir}, made if missing; returns their paths. */
  static List<Path> write(Path dir, Verdict verdict) {
    Path markdown = dir.resolve(verdict.target() + ".md");
    Path junit = dir.resolve("TEST-" + verdict.target() + ".xml");
    try {
      Files.createDirectories(dir);
      Files.writeString(markdown, verdict.toMarkdown());
      Files.writeString(junit, JUnitXml.of(verdict));
    } catch (IOException e) {
      throw new CliError("cannot write the reports of " + verdict.target() + " into " + dir + ": " + e);
    }
    return List.of(markdown, junit);
  }
}
