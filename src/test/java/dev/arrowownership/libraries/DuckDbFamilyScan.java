package dev.arrowownership.libraries;

import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.LayoutSource;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;

/**
 * Scans a stream of one type family with DuckDB in a JVM of its own, for the families whose scan
 * crashes the process: {@link #run} starts it and returns how it ended. The child registers a stream
 * of 3 batches of the family (the only column of an unsliced record batch) and scans every value.
 */
public final class DuckDbFamilyScan {
  private DuckDbFamilyScan() {}

  /** How a scan in a JVM of its own ended: its exit code, its output and, on a crash, the faulting native frame. */
  record Outcome(int exitCode, String output, String problematicFrame) {
    boolean crashed() {
      return output.contains("SIGSEGV");
    }
  }

  /** Runs the scan of {@code kind} in a new JVM and waits for it. */
  static Outcome run(TypeKind kind, Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path errorFile = directory.resolve("hs_err_" + kind.name() + ".log");
    Path out = directory.resolve("out_" + kind.name() + ".txt");
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:ErrorFile=" + errorFile, "-XX:-CreateCoredumpOnCrash",
        "-cp", System.getProperty("java.class.path"), DuckDbFamilyScan.class.getName(), kind.name()))
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the scan of " + kind + " did not end in 60 s");
    }
    String frame = "";
    if (Files.exists(errorFile)) {
      List<String> lines = Files.readAllLines(errorFile);
      frame = lines.get(lines.indexOf("# Problematic frame:") + 1);
    }
    return new Outcome(process.exitValue(), Files.readString(out), frame);
  }

  public static void main(String[] args) throws Exception {
    TypeKind kind = TypeKind.valueOf(args[0]);
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(3),
            new LayoutSource(FamilyBatches.asColumn(0).get(kind)));
        DuckDbSession duck = DuckDbSession.open()) {
      duck.connection.registerArrowStream("kit_stream", ArrowArrayStream.wrap(stream.address()));
      System.out.println("scanned: " + duck.queryString(DuckDbFamiliesTest.READ_ALL));
    }
  }
}
