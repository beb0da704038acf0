package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import dev.arrowownership.concurrency.Handle;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** Two writers move the same batch out: one gets it, the other gets an empty handle. */
@JCStressTest
@Description("moveFrom() against moveFrom() on one owning handle; cleanup closes both new handles.")
@Outcome(id = "moved, moved-nothing, 1", expect = ACCEPTABLE,
    desc = "The first move took the batch; the second moved out of an empty handle and got an empty one.")
@Outcome(id = "moved-nothing, moved, 1", expect = ACCEPTABLE,
    desc = "The second move took the batch; the first moved out of an empty handle and got an empty one.")
@Outcome(expect = FORBIDDEN,
    desc = "Both moves got the batch (a double release at cleanup) or neither did (a leak).")
@State
public class Handoff_03_MoveFromVsMoveFrom {
  private final HandleKit kit = Kits.underTest();
  private final Handle handle = kit.owning();

  @Actor
  public void moveFrom1(LLL_Result r) {
    r.r1 = Calls.moveFrom(handle);
  }

  @Actor
  public void moveFrom2(LLL_Result r) {
    r.r2 = Calls.moveFrom(handle);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
