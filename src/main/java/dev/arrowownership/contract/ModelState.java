package dev.arrowownership.contract;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected;
import java.util.List;

/**
 * The model's side of an {@link OwnershipMachine}: the {@link ExactlyOnceModel} and the {@link
 * Origins} of every handle and the frame, each operation's expected transition applied to both. The
 * machine steps it after running the real operation; the exhaustive checker's model-only plan
 * ({@link ModelPlan}) steps it alone, through {@link Step#predict}. One implementation for both, so
 * that the plan predicts exactly the states the machine reaches when the wrapper agrees with the model.
 *
 * <p>Each method returns what the model expects; origins change only for a step that returns
 * normally ({@link Origins#changed}).
 */
final class ModelState {
  /** The fingerprint a plan gives batches it never generates: the plan reads no data, and no key holds it. */
  static final int UNREAD_FINGERPRINT = 0;

  private final ExactlyOnceModel model = new ExactlyOnceModel();
  private final Origins origins = new Origins();

  ExactlyOnceModel model() {
    return model;
  }

  Origins origins() {
    return origins;
  }

  Expected allocate() {
    Expected allocated = Expected.ok(model.allocate());
    origins.created("new");
    return allocated;
  }

  Expected populate(int handle, long rows, int fingerprint) {
    Expected populated = model.populate(handle, rows, fingerprint);
    origins.changed(populated, handle, "filled");
    return populated;
  }

  Expected moveFrom(int source) {
    Expected moved = model.moveFrom(source);
    if (origins.changed(moved, source, "movedOut")) {
      origins.created("filled");
    }
    return moved;
  }

  Expected copy(int source) {
    Expected copied = CopyTransition.copy(model, source);
    CopyTransition.recordOrigin(copied, origins);
    return copied;
  }

  Expected moveAssign(int target, int source) {
    Expected assigned = model.moveAssign(target, source);
    if (target != source) { // a self-move-assign changes no origin; changed() records only a step that returned
      origins.changed(assigned, source, "movedOut");
      origins.changed(assigned, target, model.status(target) == HandleStatus.OWNING ? "filled" : "released");
    }
    return assigned;
  }

  Expected importAndCloseRoot(int handle) {
    Expected imported = model.importAndCloseRoot(handle);
    origins.changed(imported, handle, "imported");
    return imported;
  }

  Expected rowCount(int handle) {
    return model.rowCount(handle); // a read: no origin changes
  }

  Expected close(int handle) {
    Expected closed = model.close(handle);
    origins.changed(closed, handle, "closed");
    return closed;
  }

  Expected newFrame(List<Long> rows, List<Integer> fingerprints) {
    Expected created = model.newFrame(rows, fingerprints);
    origins.frame("new");
    return created;
  }

  /**
   * Extraction, {@code faulted} saying whether the injected failure of allocation {@code faultAt}
   * fired: each handle it hands out was {@code filled}, and a fault leaves the frame {@code faulted#k}.
   */
  Expected extract(boolean faulted, int faultAt) {
    int before = model.handleCount();
    Expected extracted = model.extract(faulted);
    for (int h = before; h < model.handleCount(); h++) {
      origins.created("filled");
    }
    if (extracted.outcome() == Expected.Outcome.FAULT) {
      origins.frame("faulted#" + faultAt);
    } else if (extracted.outcome() == Expected.Outcome.OK) {
      origins.frame("extracted");
    }
    return extracted;
  }

  Expected closeFrame() {
    Expected closed = model.closeFrame();
    origins.frame("closed");
    return closed;
  }
}
