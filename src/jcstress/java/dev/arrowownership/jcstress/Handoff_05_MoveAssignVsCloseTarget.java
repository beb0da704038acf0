package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** A move-assignment races a close of its target: each batch is released exactly once. */
@JCStressTest
@Description("target.moveAssign(source) against target.close(); target owns batch A, source owns batch B.")
@Outcome(id = "assigned, closed, 1/1", expect = ACCEPTABLE,
    desc = "moveAssign won: the target released A and took B; close then released B.")
@Outcome(id = "refused, closed, 1/1", expect = ACCEPTABLE,
    desc = "close won: it released A; moveAssign threw IllegalStateException and B stayed with the source.")
@Outcome(expect = FORBIDDEN,
    desc = "A batch was released twice or never, or the close was lost.")
@State
public class Handoff_05_MoveAssignVsCloseTarget extends TwoOwningHandles {
  @Actor
  public void moveAssign(LLL_Result r) {
    r.r1 = Calls.moveAssign(target, source);
  }

  @Actor
  public void closeTarget(LLL_Result r) {
    r.r2 = Calls.close(target);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
