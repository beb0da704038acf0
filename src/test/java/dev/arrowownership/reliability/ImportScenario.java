package dev.arrowownership.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.support.LeakRescue;
import dev.arrowownership.wrapper.HandleState;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.List;
import org.apache.arrow.c.ArrowArray;

/**
 * importBatch moves the batch out of the handle (two allocations) and then into Arrow Java. A fault
 * before the move leaves the handle owning it; a fault in Arrow's import consumes it by contract.
 * Arrow Java 19.0.0 then releases it once if the fault precedes its buffer imports, but if a buffer
 * import fails it never releases the array (buffers already imported keep it referenced): an
 * upstream leak (apache/arrow-java#1239), checked here in detail and then rescued: the batch is
 * released through a copy of its bits saved before the import.
 */
final class ImportScenario implements FaultScenario {
  private final FaultEnv env;
  private final RecordBatchData handle;
  private final ArrowArray.Snapshot saved; // the batch's bits, before Arrow Java moves and loses them
  private boolean consumed;
  private boolean upstreamLeak;

  ImportScenario(FaultEnv env) {
    this.env = env;
    this.handle = env.owning("imported", 0);
    this.saved = ArrowArray.wrap(handle.arrayAddress()).snapshot();
  }

  @Override
  public void operate() {
    try (var imported = handle.importBatch(env.faulty)) {
      GeneratedBatch.fingerprint(imported.root(), imported.dictionaries());
    } catch (IllegalArgumentException e) {
      // Arrow wraps a failed buffer import; rethrow the allocation failure it carries.
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  @Override
  public void afterFault() {
    consumed = !handle.isOwned();
    assertThat(handle.state()).isIn(HandleState.EMPTY, HandleState.OWNED);
    List<String> released = env.ledger.events().stream().map(e -> e.struct().kind().name()).sorted().toList();
    upstreamLeak = consumed && released.equals(List.of("SCHEMA"));
    if (!upstreamLeak) {
      assertThat(released).as("released once if consumed, else not at all")
          .isEqualTo(consumed ? List.of("ARRAY", "SCHEMA") : List.of());
    }
  }

  @Override
  public boolean hitUpstreamLeak() {
    return upstreamLeak;
  }

  @Override
  public void rescueUpstreamLeak() {
    try (ArrowArray scratch = ArrowArray.allocateNew(env.root)) {
      LeakRescue.releaseThroughCopy(saved, scratch);
    }
  }

  @Override
  public List<Integer> retryAndRead() {
    return consumed ? List.of() : List.of(env.read(handle));
  }

  @Override
  public List<Integer> expected() {
    return consumed ? List.of() : List.of(env.fingerprint(0));
  }

  @Override
  public void close() {
    handle.close();
  }
}
