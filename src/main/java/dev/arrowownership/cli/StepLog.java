package dev.arrowownership.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a check is: the checking JVM writes each step to a file before taking it, so that when the
 * target kills that JVM (a native crash leaves no Java code running to say anything) the command
 * that started it can read what it was doing. The file holds the current step only; {@link
 * #FINISHED} once the check has printed its results, on every path, errors included.
 */
final class StepLog {
  /** The last step of a check that ended by itself. */
  static final String FINISHED = "finished";

  private final Optional<Path> file;

  private StepLog(Optional<Path> file) {
    this.file = file;
  }

  /** A log into {@code file}. */
  static StepLog to(Path file) {
    return new StepLog(Optional.of(file));
  }

  /** A log that keeps nothing: the check runs in the command's own JVM. */
  static StepLog none() {
    return new StepLog(Optional.empty());
  }

  /** Records that {@code step} starts now. */
  void enter(String step) {
    // Written through the file system before the step: what the kernel holds survives the process.
    file.ifPresent(path -> write(path, step));
  }

  /** Records that the check ended by itself. */
  void finish() {
    enter(FINISHED);
  }

  /** The step recorded in {@code file}: empty when the file is absent or empty (the check never started). */
  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file).strip() : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the check's step file " + file, e);
    }
  }

  private static void write(Path file, String step) {
    try {
      Files.writeString(file, step);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the check's step file " + file, e);
    }
  }
}
