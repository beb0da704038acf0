package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakReport;
import dev.arrowownership.leak.LeakTracker;
import dev.arrowownership.wrapper.OwnershipCore;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An explicit close racing the safety net's cleaning action releases exactly once, and a report is
 * made if and only if the cleaning action won. (Its jcstress form races on real structs.)
 */
class LeakRaceTest {
  private static final int ROUNDS = Integer.getInteger("arrowownership.leak.raceRounds", 2000);

  @RegisterExtension final LeakCheck leaks = new LeakCheck();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** Explicit close and Cleanable.clean() of an action calling core.close() release once; the cleaner reports iff it closed. */
  @Test
  @Tag("race") // which side wins varies run to run: kept out of PIT, whose verdicts must repeat
  void explicitCloseRacingTheCleanerReleasesOnce() throws Exception {
    int explicitLost = 0;
    for (int round = 0; round < ROUNDS; round++) {
      CountingPayload payload = new CountingPayload();
      OwnershipCore<CountingPayload> core = new OwnershipCore<>("race" + round, payload);
      core.fill(CountingPayload::own);
      Object handle = new Object(); // held: only the race decides who closes
      LeakTracker tracker = LeakDetector.track(handle, "race" + round, core::close);
      CyclicBarrier start = new CyclicBarrier(2);
      Future<Boolean> explicit = threads.submit(() -> {
        start.await();
        return core.close();
      });
      Future<?> cleaner = threads.submit(() -> {
        start.await();
        tracker.close();
        return null;
      });
      cleaner.get();
      if (!explicit.get()) {
        explicitLost++;
      }
      assertThat(payload.releases).as("round " + round).hasValue(1);
      java.lang.ref.Reference.reachabilityFence(handle);
    }
    List<LeakReport> reports = leaks.drain();
    assertThat(reports).as("one report per round the cleaner won").hasSize(explicitLost);
    System.out.printf("leak race: %d rounds, cleaner won %d%n", ROUNDS, explicitLost);
  }
}
