package dev.arrowownership.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The leak net's settings and plumbing, without garbage collection: the level property, the level
 * getter, a tracker's life, and the default reporter. Every test restores the global state it
 * changes. (The GC-driven behaviour is in reliability/LeakSafetyNetTest, in a JVM of its own.)
 */
class LeakSettingsTest {

  /** Unset or blank means SIMPLE; a name is read trimmed and case-insensitively; anything else is refused. */
  @Test
  void levelPropertyIsParsed() {
    assertThat(withLevelProperty(null, LeakLevel::fromSystemProperty)).isEqualTo(LeakLevel.SIMPLE);
    assertThat(withLevelProperty("  ", LeakLevel::fromSystemProperty)).isEqualTo(LeakLevel.SIMPLE);
    assertThat(withLevelProperty(" paranoid ", LeakLevel::fromSystemProperty)).isEqualTo(LeakLevel.PARANOID);
    assertThat(withLevelProperty("DISABLED", LeakLevel::fromSystemProperty)).isEqualTo(LeakLevel.DISABLED);
    assertThatThrownBy(() -> withLevelProperty("loud", LeakLevel::fromSystemProperty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("arrowownership.leak.level=loud is not one of DISABLED, SIMPLE, PARANOID");
  }

  /** level() reads back what setLevel() set, and setLevel() returns the level it replaced. */
  @Test
  void levelReadsBackWhatWasSet() {
    LeakLevel original = LeakDetector.setLevel(LeakLevel.PARANOID);
    try {
      assertThat(LeakDetector.level()).isEqualTo(LeakLevel.PARANOID);
      assertThat(LeakDetector.setLevel(LeakLevel.DISABLED)).isEqualTo(LeakLevel.PARANOID);
      assertThat(LeakDetector.level()).isEqualTo(LeakLevel.DISABLED);
    } finally {
      LeakDetector.setLevel(original);
    }
  }

  /**
   * A tracker watches its handle until close(), which runs the close action at once, on the
   * caller's thread, and only once; the untracked NONE watches nothing and closes quietly.
   */
  @Test
  void trackerWatchesUntilClosedAndRunsItsActionOnce() {
    assertThat(LeakTracker.NONE.isTracking()).isFalse();
    LeakTracker.NONE.close(); // no registration: must not throw

    Object handle = new Object();
    AtomicInteger runs = new AtomicInteger();
    LeakLevel original = LeakDetector.setLevel(LeakLevel.SIMPLE);
    try {
      // false: the action is told the handle was already closed explicitly, so nothing is reported
      LeakTracker tracker = LeakDetector.track(handle, "tracked", () -> runs.incrementAndGet() < 0);
      assertThat(tracker.isTracking()).isTrue();
      assertThat(runs).hasValue(0);

      tracker.close();
      assertThat(runs).hasValue(1);
      assertThat(tracker.isTracking()).isFalse();
      tracker.close();
      assertThat(runs).hasValue(1);
    } finally {
      LeakDetector.setLevel(original);
      Reference.reachabilityFence(handle); // the Cleaner must not run the action instead
    }
  }

  /** The default reporter logs each report as a WARNING on the logger dev.arrowownership.leak. */
  @Test
  void defaultReporterLogsAWarning() {
    Logger logger = Logger.getLogger("dev.arrowownership.leak"); // System.Logger's default backend
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean parents = logger.getUseParentHandlers();
    logger.addHandler(capture);
    logger.setUseParentHandlers(false); // keep the test's own report off the console
    try {
      LeakReporter.logging().reportLeak(new LeakReport("RecordBatchData logged", null));
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(parents);
    }
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).startsWith("LEAK: RecordBatchData logged was not closed");
    });
  }

  private static <T> T withLevelProperty(String value, Supplier<T> read) {
    String original = System.getProperty(LeakLevel.PROPERTY);
    setOrClear(value);
    try {
      return read.get();
    } finally {
      setOrClear(original);
    }
  }

  private static void setOrClear(String value) {
    if (value == null) {
      System.clearProperty(LeakLevel.PROPERTY);
    } else {
      System.setProperty(LeakLevel.PROPERTY, value);
    }
  }
}
