package dev.arrowownership.contract;

import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/** The reference implementation plugged into the suite: {@link RecordBatchData} and {@link ArrowOutputFrame}. */
public class RecordBatchDataSubject extends RecordBatchDataHandles<ArrowOutputFrame> {

  @Override
  public Set<SubjectFeature> features() {
    return Set.of(SubjectFeature.FRAME);
  }

  @Override
  public ArrowOutputFrame frameOf(BufferAllocator allocator, String name, List<RecordBatchData> batches) {
    return ArrowOutputFrame.of(allocator, name, batches);
  }

  @Override
  public List<RecordBatchData> extract(ArrowOutputFrame frame) {
    return frame.extractRecordBatches();
  }

  @Override
  public void closeFrame(ArrowOutputFrame frame) {
    frame.close();
  }
}
