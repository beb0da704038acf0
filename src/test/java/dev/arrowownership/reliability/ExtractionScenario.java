package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.leak.CleanupSteps;
import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.FrameState;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.ArrayList;
import java.util.List;

/** Extraction allocates every destination handle before moving anything: all or nothing. */
final class ExtractionScenario implements FaultScenario {
  private static final int BATCHES = 3;
  private final FaultEnv env;
  private final ArrowOutputFrame frame;
  private final List<RecordBatchData> extracted = new ArrayList<>();

  ExtractionScenario(FaultEnv env) {
    this.env = env;
    List<RecordBatchData> sources = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      sources.add(env.owning("b" + i, i));
    }
    this.frame = ArrowOutputFrame.of(env.faulty, "frame", sources);
    FaultScenarios.closeAll(sources); // emptied by the move into the frame
  }

  @Override
  public void operate() {
    extracted.addAll(frame.extractRecordBatches());
  }

  @Override
  public void afterFault() {
    assertThat(frame.state()).isEqualTo(FrameState.OPEN);
    assertThat(extracted).isEmpty();
    assertThat(env.ledger.events()).as("nothing released by a failed extraction").isEmpty();
  }

  @Override
  public List<Integer> retryAndRead() {
    operate();
    return extracted.stream().map(env::read).toList();
  }

  @Override
  public List<Integer> expected() {
    return java.util.stream.IntStream.range(0, BATCHES).map(env::fingerprint).boxed().toList();
  }

  @Override
  public void close() {
    List<Runnable> steps = new ArrayList<>();
    extracted.forEach(h -> steps.add(h::close));
    steps.add(frame::close);
    CleanupSteps.runAll(steps);
  }
}
