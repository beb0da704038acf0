package dev.arrowownership.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Passes the checking JVM's standard output on, line by line, up to the banner a crashing JVM
 * prints there ({@code #}, then {@code # A fatal error has been detected by the Java Runtime
 * Environment:}, and twenty more lines): the command says the same in one line, and the banner's
 * details are in the crash report it names. Only those two lines together start the banner, so the
 * check's own output passes whatever it prints.
 */
final class JvmBanner {
  private static final String FIRST = "#";
  private static final String SECOND = "# A fatal error has been detected";

  private final Consumer<String> sink;
  private String held;
  private boolean started;

  private JvmBanner(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Passes each line of {@code output} to {@code sink}, up to the crash banner, if any, until the end of it. */
  static void copy(BufferedReader output, Consumer<String> sink) throws IOException {
    JvmBanner banner = new JvmBanner(sink);
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      banner.accept(line);
    }
    banner.end();
  }

  private void accept(String line) {
    if (started) {
      return;
    }
    if (held != null) {
      held = null;
      if (line.startsWith(SECOND)) {
        started = true;
        return;
      }
      sink.accept(FIRST);
    }
    if (line.equals(FIRST)) {
      held = line;
    } else {
      sink.accept(line);
    }
  }

  /** At the end of the output: passes on a {@code #} line held back, if no banner followed it. */
  private void end() {
    if (held != null) {
      held = null;
      sink.accept(FIRST);
    }
  }
}
