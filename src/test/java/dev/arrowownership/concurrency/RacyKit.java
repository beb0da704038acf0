package dev.arrowownership.concurrency;

import java.util.ArrayList;
import java.util.List;

/**
 * The deliberately racy variant: the same operations with check-then-act on a plain state instead of
 * one CAS. Each check passes for two racing threads at once, so both act. The stress tests and the
 * model check must catch it; it never leaves test scope.
 */
public final class RacyKit extends TrackingKit {
  private final List<Batch> batches = new ArrayList<>();

  @Override
  public Handle owning() {
    Batch batch = new Batch(nextBatch());
    batches.add(batch);
    RacyHandle handle = newHandle();
    handle.payload.fill(batch);
    return handle;
  }

  @Override
  public Handle empty() {
    return newHandle();
  }

  @Override
  public Frame frame(int count) {
    List<RacyHandle> owned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      owned.add((RacyHandle) owning());
    }
    RacyFrame frame = new RacyFrame(owned);
    return track(frame, frame::close);
  }

  @Override
  int releases(int batch) {
    return batches.get(batch).releases();
  }

  private RacyHandle newHandle() {
    RacyHandle handle = new RacyHandle();
    return track(handle, handle::close);
  }

  private final class RacyHandle implements Handle {
    final CountedPayload payload = new CountedPayload();
    volatile boolean closed;

    @Override
    public boolean close() {
      if (closed) {
        return false;
      }
      closed = true; // a racing close has passed the check too
      payload.release();
      return true;
    }

    @Override
    public Handle moveFrom() {
      checkOpen(this);
      RacyHandle target = newHandle();
      payload.moveTo(target.payload);
      return target;
    }

    @Override
    public void moveAssign(Handle source) {
      RacyHandle from = (RacyHandle) source;
      checkOpen(this);
      checkOpen(from);
      if (from == this) {
        return;
      }
      CountedPayload old = new CountedPayload();
      payload.moveTo(old);
      from.payload.moveTo(payload);
      old.release();
    }

    @Override
    public boolean isOwned() {
      return !closed && payload.isOwned();
    }

    private void checkOpen(RacyHandle handle) {
      if (handle.closed) {
        throw new IllegalStateException("racy handle is CLOSED");
      }
    }
  }

  private static final class RacyFrame implements Frame {
    private final List<RacyHandle> batches;
    private volatile boolean extracted;
    private volatile boolean closed;

    RacyFrame(List<RacyHandle> batches) {
      this.batches = batches;
    }

    @Override
    public List<Handle> extractRecordBatches() {
      if (extracted || closed) {
        throw new IllegalStateException("racy frame is " + (closed ? "CLOSED" : "EXTRACTED"));
      }
      List<Handle> out = new ArrayList<>();
      batches.forEach(b -> out.add(b.moveFrom()));
      extracted = true;
      return out;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        batches.forEach(RacyHandle::close);
      }
    }
  }
}
