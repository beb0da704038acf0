package dev.arrowownership.cli;

/** What the user asked for cannot be done: the command prints {@code error: <message>} on one line and exits 2. */
final class CliError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliError(String message) {
    super(message);
  }
}
