package dev.arrowownership.concurrency;

import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;

/**
 * The handle operations Lincheck runs concurrently, over three handles: {@code h0} owns batch 0,
 * {@code h1} owns batch 1, {@code h2} is empty. Each operation returns what it did and the batches
 * its thread released, so a double release or a stolen batch shows up as a result no sequential
 * order of {@link ModelOperations} can produce.
 */
@Param(name = "handle", gen = IntGen.class, conf = "0:2")
public abstract class HandleOperations {
  private final HandleKit kit;
  private final Handle[] handles;

  HandleOperations(HandleKit kit) {
    this.kit = kit;
    this.handles = new Handle[] {kit.owning(), kit.owning(), kit.empty()};
  }

  /** Closes a handle. */
  @Operation
  public String close(@Param(name = "handle") int handle) {
    Batch.startRecording();
    boolean closed = handles[handle].close();
    return Outcomes.releasing(closed ? Outcomes.CLOSED : Outcomes.ALREADY_CLOSED, Batch.stopRecording());
  }

  /** Moves a handle's content into a new handle, then closes that one: a writer taking a batch. */
  @Operation
  public String moveOutAndClose(@Param(name = "handle") int handle) {
    Batch.startRecording();
    String outcome = Outcomes.MOVED;
    try {
      handles[handle].moveFrom().close();
    } catch (IllegalStateException e) {
      outcome = Outcomes.REFUSED;
    }
    return Outcomes.releasing(outcome, Batch.stopRecording());
  }

  /** Move-assigns one handle into another. */
  @Operation
  public String moveAssign(@Param(name = "handle") int target, @Param(name = "handle") int source) {
    Batch.startRecording();
    String outcome = Outcomes.ASSIGNED;
    try {
      handles[target].moveAssign(handles[source]);
    } catch (IllegalStateException e) {
      outcome = Outcomes.REFUSED;
    }
    return Outcomes.releasing(outcome, Batch.stopRecording());
  }

  /** After every run: closing everything leaves each batch released exactly once. */
  @Validate
  public void releasedExactlyOnce() {
    String counts = kit.closeAllAndCount();
    if (!counts.equals("1/1")) {
      throw new IllegalStateException("release counts per batch: " + counts + ", expected 1/1");
    }
  }

  /** The real core. */
  public static final class Core extends HandleOperations {
    public Core() {
      super(new CoreKit());
    }
  }

  /** The check-then-act variant, which Lincheck must reject. */
  public static final class Racy extends HandleOperations {
    public Racy() {
      super(new RacyKit());
    }
  }

}
