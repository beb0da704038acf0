package dev.arrowownership.conformance;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a check is: the kit announces each rule, and each hand-over of its input, before it runs it,
 * to a listener of the thread that runs the check. A target that kills the JVM leaves no Java code
 * running to say which rule it was in; a listener that writes each step down first (the command
 * line's step log) can. Without a listener the announcements go nowhere.
 *
 * <pre>{@code
 * Verdict verdict = CheckProgress.reporting(step -> log.write(step),
 *     () -> ConformanceKit.checkConsumer("libfoo", consumer));
 * }</pre>
 */
public final class CheckProgress {
  /** The listener of each thread that runs a check inside {@link #reporting}; none elsewhere. */
  private static final ThreadLocal<Consumer<String>> LISTENER = new ThreadLocal<>();

  private CheckProgress() {}

  /**
   * Runs {@code check} on this thread, telling {@code listener} each step before it is taken, e.g.
   * {@code required_consumer_releases_on_failure: allocation #3 failing}; the previous listener is
   * restored after.
   */
  public static <T> T reporting(Consumer<String> listener, Supplier<T> check) {
    Objects.requireNonNull(listener, "listener");
    Consumer<String> previous = LISTENER.get();
    LISTENER.set(listener);
    try {
      return check.get();
    } finally {
      LISTENER.set(previous);
    }
  }

  /** Announces that {@code rule} runs now, on {@code input} (what the kit hands the target). */
  static void enter(Rule rule, String input) {
    announce(rule.id() + ": " + input);
  }

  /** Announces that {@code rule} runs now. */
  static void enter(Rule rule) {
    announce(rule.id());
  }

  private static void announce(String step) {
    Consumer<String> listener = LISTENER.get();
    if (listener != null) {
      listener.accept(step);
    }
  }
}
