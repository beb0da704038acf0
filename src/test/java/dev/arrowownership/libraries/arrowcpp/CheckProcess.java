package dev.arrowownership.libraries.arrowcpp;

/**
 * The end of an Arrow C++ check run as the main of a JVM of its own ({@code OwnJvm}): the check's
 * outcome is the process's exit status (0: as documented; 1: not, with the failure printed for the
 * test, which shows this JVM's output when it fails).
 */
final class CheckProcess {
  private CheckProcess() {}

  /** A check that may throw anything. */
  interface Check {
    void run() throws Exception;
  }

  /**
   * Runs {@code check} and ends the process with its outcome through {@code _exit}. Not halt(): the
   * JVM's exit still runs the C library's exit handlers, and Arrow C++'s static destructors wait for
   * the thread pool of a blocked writer for ever. {@code _exit} ends the process at once.
   */
  static void runThenExit(Check check) {
    int status = 1;
    try {
      check.run();
      status = 0;
    } catch (Throwable failure) {
      failure.printStackTrace(System.out);
    }
    System.out.flush();
    LibC.INSTANCE._exit(status);
  }

  /** The C library's {@code _exit}, which ends the process without running exit handlers. */
  interface LibC extends com.sun.jna.Library {
    LibC INSTANCE = com.sun.jna.Native.load("c", LibC.class);

    void _exit(int status);
  }
}
