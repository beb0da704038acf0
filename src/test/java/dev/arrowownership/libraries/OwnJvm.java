package dev.arrowownership.libraries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test-classpath main class in a JVM of its own, for library behaviour the test's JVM must not
 * share: a crash, an abort, or a thread blocked for ever that keeps the JVM from exiting.
 */
public final class OwnJvm {
  /**
   * How the JVM ended.
   *
   * @param ended whether it ended within the patience given (if not, it was killed)
   * @param exitValue its exit code, -1 if it was killed
   * @param output what it wrote to stdout and stderr
   */
  public record Ended(boolean ended, int exitValue, String output) {}

  private OwnJvm() {}

  /**
   * Starts {@code main} with {@code args} and the JVM flags the suite needs plus {@code jvmFlags},
   * waits up to {@code patience}, and kills it if it has not ended by then. Output goes to
   * {@code directory/out.txt}.
   */
  public static Ended run(Path directory, Duration patience, List<String> jvmFlags, Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path out = directory.resolve("out.txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean ended = process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    return new Ended(ended, ended ? process.exitValue() : -1, Files.readString(out));
  }
}
