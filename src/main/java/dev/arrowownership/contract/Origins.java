package dev.arrowownership.contract;

import dev.arrowownership.model.Expected;
import java.util.ArrayList;
import java.util.List;

/**
 * How each handle, and the frame, came to be in its state. An empty handle is {@code new}, {@code
 * movedOut} (the source of a move or move-assign), {@code imported} (its batch moved into Arrow
 * Java), or {@code released} (a move-assign target whose batch was released and which took an
 * empty source) or {@code copied} (made by {@link SubjectFeature#COPY}); an owning one was {@code
 * filled}; a closed one {@code closed}. The frame is
 * {@code absent}, {@code new}, {@code faulted#k} (allocation k of an extraction failed),
 * {@code extracted} or {@code closed}. The model forgets how an empty handle became empty, a
 * wrapper may not, so the exhaustive checker's state key keeps it. Reads and rejected misuse
 * change nothing.
 */
final class Origins {
  private final List<String> handles = new ArrayList<>();
  private String frame = "absent";

  /** A handle was created by {@code how}. */
  void created(String how) {
    handles.add(how);
  }

  /**
   * Records that {@code handle} became what it is by {@code how}, if the step returned normally.
   *
   * @return true if it did
   */
  boolean changed(Expected step, int handle, String how) {
    if (step.outcome() != Expected.Outcome.OK) {
      return false;
    }
    handles.set(handle, how);
    return true;
  }

  String of(int handle) {
    return handles.get(handle);
  }

  void frame(String how) {
    frame = how;
  }

  String frame() {
    return frame;
  }
}
