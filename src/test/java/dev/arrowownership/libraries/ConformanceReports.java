package dev.arrowownership.libraries;

import dev.arrowownership.conformance.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each verdict a conformance test reaches to {@code target/conformance/<file>.md}, for the docs. */
public final class ConformanceReports {
  private static final Path DIRECTORY = Path.of("target", "conformance");

  private ConformanceReports() {}

  /** Writes {@code verdict} as Markdown and returns it. */
  public static Verdict write(String file, Verdict verdict) {
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(DIRECTORY.resolve(file + ".md"), verdict.toMarkdown());
      return verdict;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
