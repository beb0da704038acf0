package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.arrowownership.wrapper.RecordBatchData;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** LeakCheck turns a leak report into a test failure that names the handle and its allocation site. */
class LeakCheckCatchesLeaksTest {
  private static final RootAllocator SHARED = new RootAllocator(); // outlives the leaky test, so only LeakCheck can fail it

  /** A test that drops a handle fails under LeakCheck, naming the handle and where it was allocated. */
  @Test
  void aDroppedHandleFailsTheTest() {
    List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LeakyCase.class)).execute()
        .testEvents().failed().list();

    assertThat(failed).hasSize(1);
    Throwable failure = failed.get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
    assertThat(failure).isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 handle(s) leaked")
        .hasMessageContaining("RecordBatchData forgotten")
        .hasMessageContaining("dropsAHandle");
    assertThat(SHARED.getAllocatedMemory()).as("the net released what the leaky test dropped").isZero();
    SHARED.close();
  }

  /** Run only through the test kit above (surefire skips nested classes). */
  static class LeakyCase {
    @RegisterExtension final LeakCheck leaks = new LeakCheck();

    @Test
    void dropsAHandle() {
      RecordBatchData.allocate(SHARED, "forgotten");
    }
  }
}
