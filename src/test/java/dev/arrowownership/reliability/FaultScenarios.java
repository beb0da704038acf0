package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.leak.CleanupSteps;
import dev.arrowownership.wrapper.HandleState;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The operations the fault sweep covers, each allocating from {@link FaultEnv#faulty}. */
final class FaultScenarios {
  private FaultScenarios() {}

  /** Named scenario factories, in sweep order. */
  static List<Named> all() {
    return List.of(new Named("export (populate)", Export::new), new Named("moveFrom", MoveFrom::new),
        new Named("moveAssign", MoveAssign::new), new Named("extraction", ExtractionScenario::new),
        new Named("import", ImportScenario::new));
  }

  record Named(String name, Function<FaultEnv, FaultScenario> factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A scenario on handles of which the last one ends up holding batch 0. */
  abstract static class OneBatchScenario implements FaultScenario {
    final FaultEnv env;
    final List<RecordBatchData> handles = new ArrayList<>();

    OneBatchScenario(FaultEnv env, RecordBatchData first) {
      this.env = env;
      handles.add(first);
    }

    @Override
    public List<Integer> expected() {
      return List.of(env.fingerprint(0));
    }

    @Override
    public void close() {
      closeAll(handles);
    }
  }

  /** The wrapper exports a batch into an empty handle, allocating Arrow's private data from the faulty allocator. */
  static final class Export extends OneBatchScenario {
    Export(FaultEnv env) {
      super(env, RecordBatchData.allocate(env.faulty, "export"));
    }

    @Override
    public void operate() {
      RecordBatchData handle = handles.get(handles.size() - 1);
      try (GeneratedBatch batch = env.batch(0)) {
        handle.populate(batch.root(), batch.dictionaries());
      } finally {
        trackLive(handle.arrayAddress(), StructKind.ARRAY);
        trackLive(handle.schemaAddress(), StructKind.SCHEMA);
      }
    }

    private void trackLive(long address, StructKind kind) {
      if (kind.isLive(address)) { // a partial export is tracked too, so its release is counted
        env.ledger.track(kind, address, "export." + kind);
      }
    }

    @Override
    public void afterFault() {
      assertThat(handles.get(0).state()).isIn(HandleState.EMPTY, HandleState.OWNED);
    }

    @Override
    public List<Integer> retryAndRead() {
      handles.get(0).close(); // releases a partial export, if any, once
      handles.add(RecordBatchData.allocate(env.faulty, "export-retry"));
      operate();
      return List.of(env.read(handles.get(1)));
    }

  }

  /** moveFrom allocates the new handle first; if that fails the source keeps its batch. */
  static final class MoveFrom extends OneBatchScenario {
    MoveFrom(FaultEnv env) {
      super(env, env.owning("source", 0));
    }

    @Override
    public void operate() {
      handles.add(RecordBatchData.moveFrom(handles.get(0)));
    }

    @Override
    public void afterFault() {
      assertThat(handles).hasSize(1);
      assertThat(handles.get(0).isOwned()).isTrue();
    }

    @Override
    public List<Integer> retryAndRead() {
      operate();
      assertThat(handles.get(0).isOwned()).isFalse();
      return List.of(env.read(handles.get(1)));
    }

  }

  /** moveAssign into an owning target allocates a spare first; if that fails, both keep their batches. */
  static final class MoveAssign implements FaultScenario {
    private final FaultEnv env;
    private final RecordBatchData target;
    private final RecordBatchData source;

    MoveAssign(FaultEnv env) {
      this.env = env;
      this.target = env.owning("target", 0);
      this.source = env.owning("source", 1);
    }

    @Override
    public void operate() {
      target.moveAssign(source);
    }

    @Override
    public void afterFault() {
      assertThat(target.isOwned()).isTrue();
      assertThat(source.isOwned()).isTrue();
      assertThat(env.ledger.events()).as("nothing released by a failed moveAssign").isEmpty();
    }

    @Override
    public List<Integer> retryAndRead() {
      operate();
      assertThat(env.ledger.events()).as("the target's old batch, released once").hasSize(2);
      return List.of(env.read(target));
    }

    @Override
    public List<Integer> expected() {
      return List.of(env.fingerprint(1));
    }

    @Override
    public void close() {
      closeAll(List.of(target, source));
    }
  }

  static void closeAll(List<RecordBatchData> handles) {
    CleanupSteps.runAll(handles.stream().<Runnable>map(h -> h::close).toList());
  }
}
