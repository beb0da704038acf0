package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import dev.arrowownership.concurrency.Handle;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** Two threads close the same owning handle: exactly one closes it and releases the batch once. */
@JCStressTest
@Description("close() against close() on one owning handle; the arbiter reads the release count.")
@Outcome(id = "closed, already-closed, 1", expect = ACCEPTABLE,
    desc = "The first close released the batch; the second found the handle closed and did nothing.")
@Outcome(id = "already-closed, closed, 1", expect = ACCEPTABLE,
    desc = "The second close released the batch; the first found the handle closed and did nothing.")
@Outcome(expect = FORBIDDEN,
    desc = "Both or neither close claimed the handle, or the batch was released twice or never.")
@State
public class Handoff_01_CloseVsClose {
  private final HandleKit kit = Kits.underTest();
  private final Handle handle = kit.owning();

  @Actor
  public void close1(LLL_Result r) {
    r.r1 = Calls.close(handle);
  }

  @Actor
  public void close2(LLL_Result r) {
    r.r2 = Calls.close(handle);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
