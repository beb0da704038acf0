package dev.arrowownership.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the leak net's cleaning action reports, without garbage collection: a tracker's close()
 * runs the same action the Cleaner would. Every test restores the level and reporter it changes.
 */
class LeakDetectorTest {

  /**
   * The cleaning action (run here through the tracker, as the cleaner would run it) reports only
   * when its close is the one that closed the handle, naming kind and name; the allocation site is
   * recorded at PARANOID and only there.
   */
  @Test
  void theActionReportsOnlyWhatItClosedWithASiteOnlyWhenParanoid() {
    List<LeakReport> reports = new ArrayList<>();
    Object handle = new Object();
    LeakReporter originalReporter = LeakDetector.setReporter(report -> {
      if (report.resource().startsWith("Probe ")) { // not a leak the cleaner found elsewhere
        synchronized (reports) {
          reports.add(report);
        }
      }
    });
    LeakLevel original = LeakDetector.setLevel(LeakLevel.SIMPLE);
    try {
      LeakDetector.track(handle, "Probe", () -> "closed-before", () -> false).close();
      assertThat(reports).isEmpty();

      LeakDetector.track(handle, "Probe", () -> "simple", () -> true).close();
      LeakDetector.setLevel(LeakLevel.PARANOID);
      LeakDetector.track(handle, "Probe", () -> "paranoid", () -> true).close();
      synchronized (reports) {
        assertThat(reports).extracting(LeakReport::resource).containsExactly("Probe simple", "Probe paranoid");
        assertThat(reports.get(0).allocationSite()).isEmpty();
        assertThat(reports.get(1).allocationSite()).get()
            .extracting(Throwable::getMessage).isEqualTo("Probe paranoid was allocated here");
      }
    } finally {
      LeakDetector.setLevel(original);
      LeakDetector.setReporter(originalReporter);
      Reference.reachabilityFence(handle);
    }
  }

  /** At DISABLED nothing is registered: the handle gets the inert tracker, whatever its close would do. */
  @Test
  void disabledTracksNothing() {
    LeakLevel original = LeakDetector.setLevel(LeakLevel.DISABLED);
    try {
      assertThat(LeakDetector.track(new Object(), "Probe disabled", () -> true)).isSameAs(LeakTracker.NONE);
    } finally {
      LeakDetector.setLevel(original);
    }
  }
}
