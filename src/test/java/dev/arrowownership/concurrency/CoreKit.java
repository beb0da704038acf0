package dev.arrowownership.concurrency;

import dev.arrowownership.wrapper.HandleState;
import dev.arrowownership.wrapper.OwnershipCore;
import java.util.ArrayList;
import java.util.List;

/** Handles that are the real {@link OwnershipCore} over counted pure-Java batches; no frame. */
public final class CoreKit extends TrackingKit {
  private final List<Batch> batches = new ArrayList<>();

  @Override
  public Handle owning() {
    Batch batch = new Batch(nextBatch());
    batches.add(batch);
    CoreHandle handle = newHandle();
    handle.core.fill(p -> p.fill(batch));
    return handle;
  }

  @Override
  public Handle empty() {
    return newHandle();
  }

  @Override
  int releases(int batch) {
    return batches.get(batch).releases();
  }

  private CoreHandle newHandle() {
    CoreHandle handle = new CoreHandle(new OwnershipCore<>("h", new CountedPayload()));
    return track(handle, handle::close);
  }

  private final class CoreHandle implements Handle {
    final OwnershipCore<CountedPayload> core;

    CoreHandle(OwnershipCore<CountedPayload> core) {
      this.core = core;
    }

    @Override
    public boolean close() {
      return core.close();
    }

    @Override
    public Handle moveFrom() {
      CoreHandle target = newHandle();
      OwnershipCore.moveInto(core, target.core, "moveFrom");
      return target;
    }

    @Override
    public void moveAssign(Handle source) {
      core.moveAssign(((CoreHandle) source).core, CountedPayload::new);
    }

    @Override
    public boolean isOwned() {
      return core.state() == HandleState.OWNED;
    }
  }
}
