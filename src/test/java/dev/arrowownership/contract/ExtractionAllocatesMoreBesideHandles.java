package dev.arrowownership.contract;

import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.FrameState;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The reference wrapper, except that extraction first takes and frees a scratch buffer from the
 * frame's allocator when the machine has made a handle with {@code allocate()}: one allocation more
 * than a calibration on a lone frame learns. Conforming (an injected failure of the scratch buffer
 * leaves the frame as it was, and misuse is rejected before it), but its allocations depend on more
 * than the frame: the model-only plan mispredicts an extraction beside a handle.
 */
final class ExtractionAllocatesMoreBesideHandles extends RecordBatchDataHandles<ExtractionAllocatesMoreBesideHandles.Frame> {
  /** The allocators handles were made on (one per machine; machines run in parallel). */
  private final Set<BufferAllocator> madeHandles = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** The reference frame, its allocator, and whether a handle had been made beside it. */
  record Frame(ArrowOutputFrame frame, BufferAllocator allocator, boolean besideHandles) {}

  @Override
  public Set<SubjectFeature> features() {
    return Set.of(SubjectFeature.FRAME);
  }

  @Override
  public RecordBatchData allocate(BufferAllocator allocator, String name) {
    if (name.startsWith("h")) { // not a frame's source, f[i]
      madeHandles.add(allocator);
    }
    return super.allocate(allocator, name);
  }

  @Override
  public Frame frameOf(BufferAllocator allocator, String name, List<RecordBatchData> batches) {
    boolean besideHandles = madeHandles.contains(allocator.getParentAllocator());
    return new Frame(ArrowOutputFrame.of(allocator, name, batches), allocator, besideHandles);
  }

  @Override
  public List<RecordBatchData> extract(Frame frame) {
    if (frame.besideHandles() && frame.frame().state() == FrameState.OPEN) {
      try (ArrowBuf scratch = frame.allocator().buffer(8)) {
        scratch.setLong(0, 0);
      }
    }
    return frame.frame().extractRecordBatches();
  }

  @Override
  public void closeFrame(Frame frame) {
    frame.frame().close();
  }
}
