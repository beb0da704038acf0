package dev.arrowownership.wrapper;

import dev.arrowownership.leak.CleanupSteps;
import dev.arrowownership.leak.LeakDetector;
import dev.arrowownership.leak.LeakTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The record batches of a read result, owned until they are handed out once with {@link
 * #extractRecordBatches()}: ArcticDB's {@code ArrowOutputFrame} with its two risks fixed.
 *
 * <ul>
 *   <li><b>Exception mid-extraction</b>: extraction is all or nothing. Every destination handle is
 *       allocated before the first batch moves, and moving cannot fail; if an allocation fails, the
 *       frame still owns every batch, nothing is released, and a retry returns the same data.
 *   <li><b>Double extraction</b>: a second call throws {@link IllegalStateException} instead of
 *       handing out the same batches twice.
 * </ul>
 *
 * <p>{@link #close()} releases whatever the frame still owns. Thread-safe: extraction and close race
 * through one atomic state. A frame dropped without {@link #close()} is closed and reported by the
 * leak safety net ({@link LeakDetector}).
 */
public final class ArrowOutputFrame implements AutoCloseable {
  private final BufferAllocator allocator;
  private final List<RecordBatchData> batches;
  private final String name;
  private final StateCell<FrameState> cell;
  private final LeakTracker leak;

  private ArrowOutputFrame(BufferAllocator allocator, List<RecordBatchData> batches, String name) {
    this.allocator = allocator;
    this.batches = batches;
    this.name = name;
    this.cell = new StateCell<>(FrameState.OPEN, FrameState.BUSY, FrameState.CLOSED,
        s -> "ArrowOutputFrame " + name + " is " + s);
    this.leak = LeakDetector.track(this, "ArrowOutputFrame " + name, closer(cell, batches));
  }

  /**
   * A frame that takes ownership of {@code sources}' content by moving it; the sources are left
   * empty and still belong to the caller, who closes them. Handles for the frame come from
   * {@code allocator}, which also allocates the handles extraction hands out.
   *
   * @throws IllegalStateException if a source is closed; then no source has been moved
   */
  public static ArrowOutputFrame of(BufferAllocator allocator, String name, List<RecordBatchData> sources) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sources, "sources").forEach(s -> Objects.requireNonNull(s, "source batch"));
    return new ArrowOutputFrame(allocator, moveAll(allocator, sources), name);
  }

  /**
   * Reads every batch of {@code reader} into a new frame, exporting each with Arrow Java. If a read
   * fails part way, the batches read so far are released and the failure is rethrown.
   */
  public static ArrowOutputFrame read(BufferAllocator allocator, String name, ArrowReader reader) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(reader, "reader");
    List<RecordBatchData> read = new ArrayList<>();
    try {
      while (reader.loadNextBatch()) {
        RecordBatchData batch = RecordBatchData.allocate(allocator, name + "[" + read.size() + "]");
        read.add(batch);
        batch.populate(reader.getVectorSchemaRoot(), reader);
      }
      return new ArrowOutputFrame(allocator, read, name);
    } catch (IOException e) {
      closeAll(read);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      closeAll(read);
      throw e;
    }
  }

  /** The number of batches the frame was built with. */
  public int batchCount() {
    return batches.size();
  }

  /** The current state. */
  public FrameState state() {
    return cell.get();
  }

  /**
   * Moves every batch to the caller, in order, as new handles from the frame's allocator. All or
   * nothing: if a handle cannot be allocated, the frame keeps every batch and stays {@link
   * FrameState#OPEN}.
   *
   * @throws IllegalStateException if the batches were already extracted or the frame is closed
   */
  public List<RecordBatchData> extractRecordBatches() {
    FrameState before = cell.claim("extractRecordBatches");
    if (before == FrameState.EXTRACTED) {
      cell.publish(before);
      throw new IllegalStateException("ArrowOutputFrame " + name
          + " is EXTRACTED: cannot extractRecordBatches twice, the batches were already handed out");
    }
    List<RecordBatchData> extracted;
    try {
      extracted = moveAll(allocator, batches);
    } catch (RuntimeException | Error e) {
      cell.publish(FrameState.OPEN);
      throw e;
    } finally {
      Reference.reachabilityFence(this); // the leak net must not close it mid-extraction
    }
    cell.publish(FrameState.EXTRACTED);
    return extracted;
  }

  /** Releases every batch the frame still owns, exactly once, and frees its handles. Idempotent. */
  @Override
  public void close() {
    closer(cell, batches).getAsBoolean();
    leak.close(); // retires the safety net; its close is now a no-op
    Reference.reachabilityFence(this);
  }

  /** The leak net's registration; package-private, for tests that check close() retires it. */
  LeakTracker leakTracker() {
    return leak;
  }

  /** The close shared by {@link #close()} and the leak net; static, so it cannot capture the frame. */
  private static java.util.function.BooleanSupplier closer(
      StateCell<FrameState> cell, List<RecordBatchData> batches) {
    return () -> {
      if (cell.close() == null) {
        return false;
      }
      closeAll(batches);
      return true;
    };
  }

  @Override
  public String toString() {
    return "ArrowOutputFrame[" + name + ", " + state() + ", " + batches.size() + " batches]";
  }

  /** Prepare, then commit: allocate every target first, so that no move happens unless all can. */
  private static List<RecordBatchData> moveAll(BufferAllocator allocator, List<RecordBatchData> sources) {
    List<RecordBatchData> targets = new ArrayList<>(sources.size());
    try {
      for (RecordBatchData source : sources) {
        targets.add(RecordBatchData.allocate(allocator, source.name()));
      }
    } catch (RuntimeException | Error e) {
      closeAll(targets); // all empty: releases nothing
      throw e;
    }
    int moved = 0;
    try {
      for (; moved < sources.size(); moved++) {
        targets.get(moved).moveAssign(sources.get(moved)); // into an empty handle: allocates nothing
      }
    } catch (RuntimeException | Error e) {
      // Only a caller's source closed under us gets here: give back what moved, release nothing.
      for (int i = 0; i < moved; i++) {
        sources.get(i).moveAssign(targets.get(i));
      }
      closeAll(targets);
      throw e;
    }
    return targets;
  }

  private static void closeAll(List<RecordBatchData> handles) {
    CleanupSteps.runAll(handles.stream().<Runnable>map(h -> h::close).toList());
  }
}
