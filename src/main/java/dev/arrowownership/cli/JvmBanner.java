package dev.arrowownership.cli;

import java.util.function.Consumer;

/**
 * Passes the checking JVM's standard output on, line by line, up to the banner a crashing JVM
 * prints there ({@code #}, then {@code # A fatal error has been detected by the Java Runtime
 * Environment:}, and twenty more lines): the command says the same in one line, and the banner's
 * details are in the crash report it names. Only those two lines together start the banner, so the
 * check's own output passes whatever it prints.
 */
final class JvmBanner implements Consumer<String> {
  private static final String FIRST = "#";
  private static final String SECOND = "# A fatal error has been detected";

  private final Consumer<String> sink;
  private String held;
  private boolean started;

  JvmBanner(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public void accept(String line) {
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
  void end() {
    if (held != null) {
      held = null;
      sink.accept(FIRST);
    }
  }
}
