package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakLevel;
import dev.arrowownership.leak.LeakReport;
import dev.arrowownership.leak.LeakTracker;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.support.ArrowFixture;
import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.RecordBatchData;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A handle dropped without close() is released exactly once by the leak safety net and reported with its allocation site. */
class LeakSafetyNetTest {
  @RegisterExtension final LeakCheck leaks = new LeakCheck();
  private final ArrowFixture arrow = new ArrowFixture();

  @AfterEach
  void closeAllocator() {
    arrow.close(); // runs after the leaks were collected: memory still held fails here
    assertThat(arrow.ledger.violations()).isEmpty();
  }

  /** A dropped handle that owns a batch is released once and reported with the site that allocated it. */
  @Test
  void droppedHandleIsReleasedOnceAndReportedWithItsSite() {
    TrackedBatch batch = allocatePopulateAndDrop("dropped");

    List<LeakReport> reports = leaks.awaitQuiet("RecordBatchData dropped");

    assertThat(reports).extracting(LeakReport::resource).containsExactly("RecordBatchData dropped");
    assertThat(reports.get(0).allocationSite()).get()
        .satisfies(site -> assertThat(site.getStackTrace())
            .anyMatch(frame -> frame.getMethodName().equals("allocatePopulateAndDrop")));
    assertThat(reports.get(0).toString()).contains("LEAK: RecordBatchData dropped was not closed", "allocatePopulateAndDrop");
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
    assertThat(arrow.allocator.getAllocatedMemory()).isZero();
  }

  /** A handle closed explicitly is never reported, even after it has been collected. */
  @Test
  void explicitlyClosedHandleIsNeverReported() {
    WeakReference<RecordBatchData> closed = allocatePopulateAndClose("closed");
    assertThat(LeakCheck.forceGcUntil(() -> closed.get() == null)).as("closed handle collected").isTrue();
    allocatePopulateAndDrop("dropped-after"); // reported only after the cleaner has had its chance

    assertThat(leaks.awaitQuiet("RecordBatchData dropped-after"))
        .extracting(LeakReport::resource).containsExactly("RecordBatchData dropped-after");
  }

  /** A dropped frame releases every batch it still owns once and is reported once, not per batch. */
  @Test
  void droppedFrameReleasesItsBatchesOnce() {
    List<TrackedBatch> batches = dropFrame();

    assertThat(leaks.awaitQuiet("ArrowOutputFrame lost"))
        .extracting(LeakReport::resource).containsExactly("ArrowOutputFrame lost");
    batches.forEach(b -> assertThat(arrow.releases(b)).containsExactly(1, 1));
  }

  /** At SIMPLE the report names the handle but records no site, and says how to get one. */
  @Test
  void simpleLevelReportsWithoutASite() {
    LeakDetector.setLevel(LeakLevel.SIMPLE);
    allocatePopulateAndDrop("simple");

    List<LeakReport> reports = leaks.awaitQuiet("RecordBatchData simple");

    assertThat(reports).extracting(LeakReport::resource).containsExactly("RecordBatchData simple");
    assertThat(reports.get(0).allocationSite()).isEmpty();
    assertThat(reports.get(0).toString()).contains("-Darrowownership.leak.level=PARANOID");
  }

  /** DISABLED tracks nothing; SIMPLE and PARANOID track every handle. */
  @Test
  void disabledLevelTracksNothing() {
    LeakDetector.setLevel(LeakLevel.DISABLED);
    assertThat(LeakDetector.track(new Object(), "off", () -> true)).isSameAs(LeakTracker.NONE);
    LeakDetector.setLevel(LeakLevel.SIMPLE);
    LeakTracker tracker = LeakDetector.track(new Object(), "on", () -> false);
    assertThat(tracker.isTracking()).isTrue();
    tracker.close();
  }

  /** A close action that references its handle keeps it reachable, so the net never fires: the rule the wrapper keeps. */
  @Test
  void actionReferencingItsHandleNeverFires() {
    WeakReference<Object> selfReferencing = trackAndDrop(true);
    WeakReference<Object> wellBehaved = trackAndDrop(false);

    assertThat(LeakCheck.forceGcUntil(() -> wellBehaved.get() == null)).as("well-behaved handle collected").isTrue();
    assertThat(selfReferencing.get()).as("kept alive by its own cleaning action").isNotNull();
    assertThat(leaks.awaitQuiet("well-behaved")).extracting(LeakReport::resource).containsExactly("well-behaved");
  }

  private static WeakReference<Object> trackAndDrop(boolean captureHandle) {
    Object handle = new Object();
    if (captureHandle) {
      LeakDetector.track(handle, "self-referencing", () -> handle.hashCode() == 0); // never runs
    } else {
      LeakDetector.track(handle, "well-behaved", () -> true);
    }
    return new WeakReference<>(handle);
  }

  private TrackedBatch allocatePopulateAndDrop(String name) {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, name);
    return arrow.populate(handle, 20, 7);
  }

  private WeakReference<RecordBatchData> allocatePopulateAndClose(String name) {
    RecordBatchData handle = RecordBatchData.allocate(arrow.allocator, name);
    TrackedBatch batch = arrow.populate(handle, 20, 7);
    handle.close();
    assertThat(arrow.releases(batch)).containsExactly(1, 1);
    return new WeakReference<>(handle);
  }

  private List<TrackedBatch> dropFrame() {
    List<RecordBatchData> sources = List.of(
        RecordBatchData.allocate(arrow.allocator, "s0"), RecordBatchData.allocate(arrow.allocator, "s1"));
    List<TrackedBatch> batches = List.of(arrow.populate(sources.get(0), 5, 1), arrow.populate(sources.get(1), 6, 2));
    ArrowOutputFrame.of(arrow.allocator, "lost", sources);
    sources.forEach(RecordBatchData::close);
    return batches;
  }
}
