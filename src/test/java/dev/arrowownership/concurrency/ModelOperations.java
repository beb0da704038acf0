package dev.arrowownership.concurrency;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected;
import java.util.List;

/**
 * The sequential specification for {@link HandleOperations}: the same operations on the exactly-once
 * model, with the same three handles ({@code h0} owns batch 0, {@code h1} batch 1, {@code h2} none).
 */
public final class ModelOperations {
  private final ExactlyOnceModel model = new ExactlyOnceModel();

  public ModelOperations() {
    model.populate(model.allocate(), 1, 0);
    model.populate(model.allocate(), 1, 1);
    model.allocate();
  }

  public String close(int handle) {
    boolean open = model.status(handle) != HandleStatus.CLOSED;
    return Outcomes.releasing(open ? Outcomes.CLOSED : Outcomes.ALREADY_CLOSED, released(model.close(handle)));
  }

  public String moveOutAndClose(int handle) {
    Expected moved = model.moveFrom(handle);
    if (moved.outcome() == Expected.Outcome.ILLEGAL_STATE) {
      return Outcomes.releasing(Outcomes.REFUSED, List.of());
    }
    return Outcomes.releasing(Outcomes.MOVED, released(model.close((int) moved.value())));
  }

  public String moveAssign(int target, int source) {
    Expected assigned = model.moveAssign(target, source);
    if (assigned.outcome() == Expected.Outcome.ILLEGAL_STATE) {
      return Outcomes.releasing(Outcomes.REFUSED, List.of());
    }
    return Outcomes.releasing(Outcomes.ASSIGNED, released(assigned));
  }

  /** The batches a call released: the model lists each struct (array, schema) of a batch. */
  private static List<Integer> released(Expected expected) {
    return expected.releases().stream().map(Expected.Release::resource).distinct().toList();
  }
}
