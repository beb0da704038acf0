package dev.arrowownership.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The native test fixtures that the build compiles before the tests ({@code src/test/native/build.sh},
 * run by Maven in {@code process-test-classes}): {@code src/test/c/NAME.c} and {@code
 * src/test/cpp/NAME.cpp} become {@code target/native/libNAME.so}. Where no compiler was found the
 * library is absent and {@code target/native/BUILD} says why: tests then skip with that reason.
 */
public final class NativeFixtures {
  private static final Path OUTPUT = Path.of("target/native");

  private NativeFixtures() {}

  /** The built library {@code target/native/libNAME.so}, if the build made it. */
  public static Optional<Path> library(String name) {
    Path library = OUTPUT.resolve("lib" + name + ".so").toAbsolutePath();
    return Files.isRegularFile(library) ? Optional.of(library) : Optional.empty();
  }

  /**
   * The built library, or a skipped test (JUnit assumption) whose reason is the build's own account
   * ({@code target/native/BUILD}: which compiler, or that none was found).
   */
  public static Path require(String name) {
    Optional<Path> library = library(name);
    assumeTrue(library.isPresent(), () -> "native fixture lib" + name + ".so was not built: " + buildStatus());
    return library.get();
  }

  /** What the native build step reported, or that it did not run. */
  public static String buildStatus() {
    Path status = OUTPUT.resolve("BUILD");
    try {
      return Files.exists(status) ? Files.readString(status).strip().replace('\n', ';')
          : "the native build step did not run (it runs in mvn's process-test-classes phase; -Dnative.skip=true skips it)";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
