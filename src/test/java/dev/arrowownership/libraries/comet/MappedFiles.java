package dev.arrowownership.libraries.comet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Which file this process mapped an address from ({@code /proc/self/maps}, Linux): whose code a callback is. */
final class MappedFiles {
  private static final Path MAPS = Path.of("/proc/self/maps");

  private MappedFiles() {}

  /**
   * The file mapped at {@code address}, empty for anonymous memory; skips the calling test where the
   * process has no {@code /proc/self/maps}.
   */
  static Optional<String> fileAt(long address) throws IOException {
    Assumptions.assumeTrue(Files.isReadable(MAPS), "no /proc/self/maps here: cannot tell which library a callback is in");
    for (String line : Files.readAllLines(MAPS)) {
      // start-end perms offset dev inode [path]
      String[] fields = line.trim().split("\\s+", 6);
      String[] range = fields[0].split("-");
      long start = Long.parseUnsignedLong(range[0], 16);
      long end = Long.parseUnsignedLong(range[1], 16);
      if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
        return fields.length == 6 ? Optional.of(fields[5]) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
