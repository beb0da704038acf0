package dev.arrowownership.nativecode;

import java.util.Map;
import java.util.Optional;

/** The names of the errno values the C Data and C Stream interfaces' callers meet most (Linux numbering). */
final class Errno {
  private static final Map<Integer, String> NAMES = Map.of(5, "EIO", 12, "ENOMEM", 22, "EINVAL", 95, "ENOTSUP",
      34, "ERANGE", 2, "ENOENT", 1, "EPERM", 13, "EACCES");

  private Errno() {}

  static Optional<String> nameOf(int errno) {
    return Optional.ofNullable(NAMES.get(errno));
  }
}
