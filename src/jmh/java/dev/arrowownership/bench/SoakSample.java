package dev.arrowownership.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/** One reading of the soak: the allocator's bytes, the process's RssAnon, the Java heap in use. */
record SoakSample(String variant, int cycle, long allocatorBytes, long rssAnonKb, long heapUsedKb) {
  static final String CSV_HEADER = "variant,cycle,allocator_bytes,rss_anon_kb,heap_used_kb";

  static SoakSample take(String variant, int cycle, BufferAllocator allocator) {
    Runtime runtime = Runtime.getRuntime();
    return new SoakSample(variant, cycle, allocator.getAllocatedMemory(), readRssAnonKb(),
        (runtime.totalMemory() - runtime.freeMemory()) >> 10);
  }

  String csv() {
    return variant + "," + cycle + "," + allocatorBytes + "," + rssAnonKb + "," + heapUsedKb;
  }

  /** RssAnon from /proc/self/status (Linux), in kB; -1 where it is not available. */
  static long readRssAnonKb() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("RssAnon:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
