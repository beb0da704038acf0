package dev.arrowownership.concurrency;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.support.CountingProducer;
import dev.arrowownership.wrapper.ArrowOutputFrame;
import dev.arrowownership.wrapper.RecordBatchData;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Real structs: {@link RecordBatchData} and {@link ArrowOutputFrame} over {@code ArrowArray} and
 * {@code ArrowSchema} whose {@code release} is a JNA callback that counts each call.
 */
public final class ArrowKit extends TrackingKit {
  // One per stress JVM: every race closes what it allocated, so the allocator stays balanced.
  private static final BufferAllocator ALLOCATOR = new RootAllocator();
  private static final CountingProducer ARRAYS = new CountingProducer(StructKind.ARRAY, true);
  private static final CountingProducer SCHEMAS = new CountingProducer(StructKind.SCHEMA, true);

  private final List<long[]> ids = new ArrayList<>(); // per batch: {array id, schema id}

  @Override
  public Handle owning() {
    return wrap(filled());
  }

  @Override
  public Handle empty() {
    return wrap(RecordBatchData.allocate(ALLOCATOR, "h"));
  }

  @Override
  public Frame frame(int batches) {
    List<RecordBatchData> sources = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      sources.add(filled());
    }
    ArrowOutputFrame frame = ArrowOutputFrame.of(ALLOCATOR, "frame", sources);
    sources.forEach(RecordBatchData::close); // moved into the frame: empty now
    return track(new Frame() {
      @Override
      public List<Handle> extractRecordBatches() {
        return frame.extractRecordBatches().stream().map(ArrowKit.this::wrap).toList();
      }

      @Override
      public void close() {
        frame.close();
      }
    }, frame::close);
  }

  /** Release calls of the batch's array, or -1 if its schema was released a different number of times. */
  @Override
  int releases(int batch) {
    long[] id = ids.get(batch);
    int array = ARRAYS.releaseCalls(id[0]);
    int schema = SCHEMAS.releaseCalls(id[1]);
    ARRAYS.forget(id[0]);
    SCHEMAS.forget(id[1]);
    return array == schema ? array : -1;
  }

  private RecordBatchData filled() {
    RecordBatchData data = RecordBatchData.allocate(ALLOCATOR, "h");
    long[] id = new long[2];
    data.populate((array, schema) -> {
      id[0] = ARRAYS.fill(array.memoryAddress());
      id[1] = SCHEMAS.fill(schema.memoryAddress());
    });
    ids.add(id);
    nextBatch();
    return data;
  }

  private Handle wrap(RecordBatchData data) {
    return track(new ArrowHandle(data), data::close);
  }

  private final class ArrowHandle implements Handle {
    final RecordBatchData data;

    ArrowHandle(RecordBatchData data) {
      this.data = data;
    }

    @Override
    public boolean close() {
      return data.closeHandle();
    }

    @Override
    public Handle moveFrom() {
      return wrap(RecordBatchData.moveFrom(data));
    }

    @Override
    public void moveAssign(Handle source) {
      data.moveAssign(((ArrowHandle) source).data);
    }

    @Override
    public boolean isOwned() {
      return data.isOwned();
    }
  }
}
