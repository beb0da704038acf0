package dev.arrowownership.contract;

import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected;

/**
 * The exactly-once model's transition for {@link Step.Copy} ({@link SubjectFeature#COPY}): a copy
 * never owns. Copying an open handle returns a new, empty handle and releases nothing; the source
 * keeps what it owns; copying a closed handle is misuse. The machine's checks after the step then
 * catch a copy that duplicated ownership: the copy reports {@code isOwned()}, or its structs hold
 * the source's live batch. Spec, <i>Moving an array</i>: a move marks the source released, which
 * "ensures that only one live copy of the struct is active at any given time".
 *
 * <p>Kept out of {@link ExactlyOnceModel}: the model knows no copy, and a copy in the model is just
 * a new empty handle.
 */
final class CopyTransition {
  private CopyTransition() {}

  /** What copying {@code source} must do. Value: the new handle's index. */
  static Expected copy(ExactlyOnceModel model, int source) {
    if (model.status(source) == HandleStatus.CLOSED) {
      return Expected.illegalState();
    }
    return Expected.ok(model.allocate());
  }

  /** A copy that returned is a new handle, empty by construction: its origin is {@code copied}. */
  static void recordOrigin(Expected copied, Origins origins) {
    if (copied.outcome() == Expected.Outcome.OK) {
      origins.created("copied");
    }
  }
}
