package dev.arrowownership.reliability;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import dev.arrowownership.leak.LeakReport;
import dev.arrowownership.leak.LeakReporter;
import dev.arrowownership.support.PitTestDiscovery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns a leak report into a test failure: runs each test at {@link LeakLevel#PARANOID} with a
 * recording reporter, then forces garbage collection until sentinels dropped after the test have
 * been reported, and fails if anything else was. Before the test it does the same and discards what
 * it finds, so leaks of earlier tests are not blamed on this one.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
  /** How long to force GC before giving up; a bound, so a broken net fails instead of hanging. */
  public static final Duration BOUND = Duration.ofSeconds(20);
  private static final String SENTINEL = "leak-check sentinel";

  private final LinkedBlockingQueue<LeakReport> reports = new LinkedBlockingQueue<>();
  private LeakLevel previousLevel;
  private LeakReporter previousReporter;
  private String testClass = "";

  @Override
  public void beforeEach(ExtensionContext context) {
    if (PitTestDiscovery.inMutationMinionDiscovery()) {
      return; // the body will not run (SkipTestBodiesInPitDiscovery): nothing to drain or check
    }
    testClass = context.getRequiredTestClass().getName();
    previousLevel = LeakDetector.setLevel(LeakLevel.PARANOID);
    previousReporter = LeakDetector.setReporter(reports::add);
    awaitQuiet(); // handles an earlier test class dropped are reported now, not blamed on this test
    reports.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (PitTestDiscovery.inMutationMinionDiscovery()) {
      return;
    }
    try {
      List<LeakReport> leaks = awaitQuiet();
      if (!leaks.isEmpty()) {
        throw new AssertionError(leaks.size() + " handle(s) leaked:\n" + leaks);
      }
    } finally {
      LeakDetector.setLevel(previousLevel);
      LeakDetector.setReporter(previousReporter);
    }
  }

  /**
   * Forces GC until every resource in {@code expected} and two sentinels, dropped one after the other,
   * have been reported; returns every report but the sentinels'. The second sentinel is dropped only
   * after the first was reported, so handles that were unreachable before the call had their chance.
   */
  public List<LeakReport> awaitQuiet(String... expected) {
    List<LeakReport> seen = new ArrayList<>();
    List<String> wanted = new ArrayList<>(List.of(expected));
    for (int round = 0; round < 2; round++) {
      String sentinel = SENTINEL + " " + round;
      dropSentinel(sentinel);
      wanted.add(sentinel);
      boolean all = forceGcUntil(() -> {
        reports.drainTo(seen);
        return seen.stream().map(LeakReport::resource).toList().containsAll(wanted);
      });
      if (!all) {
        throw new AssertionError("the leak safety net did not report " + wanted + " within " + BOUND + "; it reported " + seen);
      }
    }
    return seen.stream().filter(r -> !r.resource().startsWith(SENTINEL))
        .filter(r -> !allocatedElsewhere(r, testClass)).toList();
  }

  /**
   * True if the report's allocation site shows the handle was made outside {@code testClass}: a
   * handle an earlier test dropped (a deliberately broken fixture, say) that the garbage collector
   * found only now, past the drain before this test. A report without a site is never excused.
   */
  static boolean allocatedElsewhere(LeakReport report, String testClass) {
    return report.allocationSite()
        .map(site -> Arrays.stream(site.getStackTrace()).noneMatch(f -> f.getClassName().startsWith(testClass)))
        .orElse(false);
  }

  /** Every report received so far, removed from the queue. */
  public List<LeakReport> drain() {
    List<LeakReport> seen = new ArrayList<>();
    reports.drainTo(seen);
    return seen;
  }

  /** Forces GC and waits until {@code done} holds or {@link #BOUND} passes; true if it holds. */
  public static boolean forceGcUntil(BooleanSupplier done) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      System.gc();
      try {
        Thread.sleep(10); // gives the cleaner thread time to run
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static void dropSentinel(String sentinel) {
    LeakLevel level = LeakDetector.setLevel(LeakLevel.SIMPLE); // tracked even if a test disabled the net
    try {
      LeakDetector.track(new Object(), sentinel, () -> true);
    } finally {
      LeakDetector.setLevel(level);
    }
  }
}
