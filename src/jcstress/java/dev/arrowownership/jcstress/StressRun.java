package dev.arrowownership.jcstress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SortedSet;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;

/**
 * Runs the racing-pair suite against one implementation and fails unless it ran and passed.
 *
 * <p>jcstress alone exits 0 when no test matches, so this checks the count: every selected test must
 * have a result, and at least one must be selected. Then every test must have run normally (no
 * error, timeout or crashed fork) and shown no FORBIDDEN outcome.
 *
 * <p>Arguments: the kit ({@code core}, {@code arrow} or {@code racy}, see {@code Kits}), the jcstress
 * mode preset, the report directory, and the JVM flags every fork needs. The pure-Java core has no
 * frame, so {@code core} runs the handle stories only. One kit per JVM: jcstress keeps the VM
 * configurations it probed in static state. Reports: {@code <dir>/<kit>/index.html} and
 * {@code <dir>/<kit>/summary.txt} (the observed count of every outcome).
 */
public final class StressRun {
  private static final String ALL = "dev\\.arrowownership\\.jcstress\\..*";
  private static final String HANDLES = "dev\\.arrowownership\\.jcstress\\.Handoff_.*";

  private StressRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: StressRun core|arrow|racy <mode> <report dir> <fork JVM flags>");
    }
    String kit = args[0];
    if (!kit.equals("core") && !kit.equals("arrow") && !kit.equals("racy")) {
      throw new IllegalArgumentException("kit must be core, arrow or racy, not " + kit);
    }
    long start = System.nanoTime();
    Verdict verdict = run(kit, kit.equals("core") ? HANDLES : ALL, args);
    System.out.printf("%njcstress on %s (mode %s) took %d s%n%s%n", kit, args[1],
        (System.nanoTime() - start) / 1_000_000_000L, verdict.headline());
    System.exit(verdict.passed() ? 0 : 1);
  }
  private static Verdict run(String kit, String tests, String[] args) throws Exception {
    Path dir = Path.of(args[2], kit);
    Files.createDirectories(dir);
    Options options = new Options(new String[] {
        "-m", args[1], "-sc", "false", "-t", tests, "-r", dir.toString(),
        "-jvmArgs", args[3] + " -Darrowownership.kit=" + kit});
    if (!options.parse()) {
      throw new IllegalArgumentException("jcstress rejected its options");
    }
    JCStress jcstress = new JCStress(options);
    SortedSet<String> selected = jcstress.getTests();
    try {
      jcstress.run();
    } catch (AssertionError failed) {
      // jcstress throws this after its report when a test failed; the verdict below says which.
      System.out.println("jcstress reported test failures");
    }
    Path results = dir.resolve("results.bin.gz");
    Path written = Path.of(options.getResultFile());
    if (Files.exists(written)) {
      Files.move(written, results, StandardCopyOption.REPLACE_EXISTING);
    }
    InProcessCollector collected = new InProcessCollector();
    if (Files.exists(results)) {
      DiskReadCollector reader = new DiskReadCollector(results.toString(), collected);
      reader.dump();
      reader.close();
    }
    Verdict verdict = Verdict.of(kit, selected, collected.getTestResults());
    write(dir.resolve("summary.txt"), verdict.report());
    return verdict;
  }

  private static void write(Path file, String text) throws IOException {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
      out.print(text);
    }
    System.out.print(text);
  }
}
