package dev.arrowownership.model;

import dev.arrowownership.model.Expected.Part;
import dev.arrowownership.model.Expected.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * The exactly-once release model: a pure-Java specification of handles, one output frame and the
 * batches ("resources") they own, with no Arrow types. Each operation says what the real one must
 * do ({@link Expected}) and updates the model only when that outcome is a normal return, since
 * every documented exception leaves everything unchanged.
 *
 * <p>Invariants, checked by {@link #checkInvariants()}: every struct part is released at most once;
 * every batch not yet released has exactly one owner; a released batch has none. At the end, {@link
 * #unreleased()} must be empty.
 */
public final class ExactlyOnceModel {
  /** What a handle holds. */
  public enum HandleStatus { EMPTY, OWNING, CLOSED }

  /** Where the frame is in its life. */
  public enum FrameStatus { ABSENT, OPEN, EXTRACTED, CLOSED }

  private static final int NONE = -1;

  private final List<HandleStatus> handles = new ArrayList<>();
  private final List<Integer> handleContent = new ArrayList<>();
  private final List<Long> rows = new ArrayList<>();
  private final List<Integer> fingerprints = new ArrayList<>();
  private final List<int[]> releaseCounts = new ArrayList<>(); // per resource: {array, schema}
  private FrameStatus frame = FrameStatus.ABSENT;
  private final List<Integer> frameContent = new ArrayList<>();

  /** A new empty handle; returns its index. */
  public int allocate() {
    handles.add(HandleStatus.EMPTY);
    handleContent.add(NONE);
    return handles.size() - 1;
  }

  /** Fills an empty handle with a new batch of {@code rowCount} rows. Value: the batch's index. */
  public Expected populate(int handle, long rowCount, int fingerprint) {
    if (status(handle) != HandleStatus.EMPTY) {
      return Expected.illegalState(); // closed, or owning: overwriting would leak
    }
    int resource = newResource(rowCount, fingerprint);
    own(handle, resource);
    return Expected.ok(resource);
  }

  /** Moves a handle's content into a new handle. Value: the new handle's index. */
  public Expected moveFrom(int source) {
    if (status(source) == HandleStatus.CLOSED) {
      return Expected.illegalState();
    }
    int target = allocate();
    moveContent(source, target);
    return Expected.ok(target);
  }

  /** Releases the target's content, then moves the source's into it; self-assignment is a no-op. */
  public Expected moveAssign(int target, int source) {
    if (status(target) == HandleStatus.CLOSED || status(source) == HandleStatus.CLOSED) {
      return Expected.illegalState();
    }
    if (target == source) {
      return Expected.ok();
    }
    List<Release> released = releaseContent(target);
    moveContent(source, target);
    return Expected.ok(released);
  }

  /** Imports a handle's batch into Arrow Java, then closes the imported root: releases the batch. */
  public Expected importAndCloseRoot(int handle) {
    if (status(handle) != HandleStatus.OWNING) {
      return Expected.illegalState();
    }
    return Expected.ok(releaseContent(handle));
  }

  /** Reads the row count: that of the owned batch, 0 when empty. */
  public Expected rowCount(int handle) {
    return switch (status(handle)) {
      case CLOSED -> Expected.illegalState();
      case EMPTY -> Expected.ok(0);
      case OWNING -> Expected.ok(rows.get(handleContent.get(handle)));
    };
  }

  /** Closes a handle, releasing what it owns; closing again is a no-op. */
  public Expected close(int handle) {
    List<Release> released = releaseContent(handle);
    handles.set(handle, HandleStatus.CLOSED);
    return Expected.ok(released);
  }

  /** A new frame owning one new batch per entry of {@code batchRows}; needs no live frame. */
  public Expected newFrame(List<Long> batchRows, List<Integer> batchFingerprints) {
    if (frame == FrameStatus.OPEN || frame == FrameStatus.EXTRACTED) {
      throw new IllegalArgumentException("the model holds one frame at a time; close it first");
    }
    // frameContent is empty here: extraction and closeFrame() empty it, and no frame is live.
    for (int i = 0; i < batchRows.size(); i++) {
      frameContent.add(newResource(batchRows.get(i), batchFingerprints.get(i)));
    }
    frame = FrameStatus.OPEN;
    return Expected.ok();
  }

  /**
   * Extracts the frame's batches into new handles, in order. If {@code faulted}, an injected
   * allocation failure hit the extraction: it must throw it and change nothing. Value: the index of
   * the first new handle.
   */
  public Expected extract(boolean faulted) {
    if (frame != FrameStatus.OPEN) {
      return Expected.illegalState();
    }
    if (faulted) {
      return Expected.fault();
    }
    int first = handles.size();
    for (int resource : frameContent) {
      own(allocate(), resource);
    }
    frameContent.clear();
    frame = FrameStatus.EXTRACTED;
    return Expected.ok(first);
  }

  /** Closes the frame, releasing the batches it still owns; closing again is a no-op. */
  public Expected closeFrame() {
    List<Release> released = new ArrayList<>();
    frameContent.forEach(r -> released.addAll(release(r)));
    frameContent.clear();
    if (frame != FrameStatus.ABSENT) {
      frame = FrameStatus.CLOSED;
    }
    return Expected.ok(released);
  }

  public int handleCount() {
    return handles.size();
  }

  public HandleStatus status(int handle) {
    return handles.get(handle);
  }

  /** The batch a handle owns, or -1. */
  public int contentOf(int handle) {
    return handleContent.get(handle);
  }

  public FrameStatus frameStatus() {
    return frame;
  }

  /** The batches the frame still owns. */
  public List<Integer> frameContent() {
    return List.copyOf(frameContent);
  }

  public int resourceCount() {
    return rows.size();
  }

  /** The fingerprint of a batch's data, as given when it was created. */
  public int fingerprint(int resource) {
    return fingerprints.get(resource);
  }

  public long rows(int resource) {
    return rows.get(resource);
  }

  /** How many times a part of a batch has been released. */
  public int releaseCount(int resource, Part part) {
    return releaseCounts.get(resource)[part.ordinal()];
  }

  /** Batch parts not yet released. */
  public List<Release> unreleased() {
    List<Release> open = new ArrayList<>();
    for (int r = 0; r < resourceCount(); r++) {
      for (Part part : Part.values()) {
        if (releaseCount(r, part) == 0) {
          open.add(new Release(r, part));
        }
      }
    }
    return open;
  }

  /**
   * Checks the model's own invariants.
   *
   * @throws IllegalStateException naming the first broken invariant
   */
  public void checkInvariants() {
    checkInvariants(handles, handleContent, frameContent, releaseCounts);
  }

  /**
   * The invariants over the bookkeeping itself, apart from the operations that keep them, so that
   * the check can be tested on states no sequence of operations reaches.
   *
   * @param handleContent per handle, the batch it owns or -1
   * @param frameContent the batches the frame owns
   * @param releaseCounts per batch, the release counts of its parts in {@link Part} order
   */
  static void checkInvariants(List<HandleStatus> handles, List<Integer> handleContent, List<Integer> frameContent,
      List<int[]> releaseCounts) {
    int[] owners = new int[releaseCounts.size()];
    for (int h = 0; h < handles.size(); h++) {
      int content = handleContent.get(h);
      if ((handles.get(h) == HandleStatus.OWNING) != (content != NONE)) {
        throw new IllegalStateException("h" + h + " is " + handles.get(h) + " with content " + content);
      }
      if (content != NONE) {
        owners[content]++;
      }
    }
    frameContent.forEach(r -> owners[r]++);
    for (int r = 0; r < owners.length; r++) {
      int array = releaseCounts.get(r)[Part.ARRAY.ordinal()];
      int schema = releaseCounts.get(r)[Part.SCHEMA.ordinal()];
      if (array > 1 || schema > 1) {
        throw new IllegalStateException("r" + r + " released more than once");
      }
      int expectedOwners = array == 0 ? 1 : 0;
      if (owners[r] != expectedOwners || array != schema) {
        throw new IllegalStateException("r" + r + " has " + owners[r] + " owners, releases " + array + "/" + schema);
      }
    }
  }

  private int newResource(long rowCount, int fingerprint) {
    rows.add(rowCount);
    fingerprints.add(fingerprint);
    releaseCounts.add(new int[Part.values().length]);
    return rows.size() - 1;
  }

  private void own(int handle, int resource) {
    handles.set(handle, HandleStatus.OWNING);
    handleContent.set(handle, resource);
  }

  private void moveContent(int source, int target) {
    int content = handleContent.get(source);
    handles.set(source, HandleStatus.EMPTY);
    handleContent.set(source, NONE);
    if (content != NONE) {
      own(target, content);
    }
  }

  private List<Release> releaseContent(int handle) {
    int content = handleContent.get(handle);
    handles.set(handle, HandleStatus.EMPTY); // close(), the one caller with a closing handle, sets CLOSED after
    handleContent.set(handle, NONE);
    return content == NONE ? List.of() : release(content);
  }

  private List<Release> release(int resource) {
    List<Release> released = new ArrayList<>();
    for (Part part : Part.values()) {
      releaseCounts.get(resource)[part.ordinal()]++;
      released.add(new Release(resource, part));
    }
    return released;
  }
}
