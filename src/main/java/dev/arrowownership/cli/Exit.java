package dev.arrowownership.cli;

/** The command's exit codes, as {@code --help} lists them. */
final class Exit {
  /** Every required rule holds for every role checked (optional rules' failures are reported, not fatal). */
  static final int CONFORMS = 0;
  /** A required rule fails for some role. */
  static final int BROKEN = 1;
  /** Nothing was decided: bad options, no role, a library or symbol that does not bind, a crash. */
  static final int ERROR = 2;

  private Exit() {}
}
