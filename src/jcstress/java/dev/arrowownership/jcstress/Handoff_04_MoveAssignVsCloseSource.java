package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** A move-assignment races a close of its source: the source's batch is moved or released, once. */
@JCStressTest
@Description("target.moveAssign(source) against source.close(); target owns batch A, source owns batch B.")
@Outcome(id = "assigned, closed, 1/1", expect = ACCEPTABLE,
    desc = "moveAssign won: the target released A and took B (released at cleanup); close closed an empty source.")
@Outcome(id = "refused, closed, 1/1", expect = ACCEPTABLE,
    desc = "close won: it released B; moveAssign threw IllegalStateException and the target kept A.")
@Outcome(expect = FORBIDDEN,
    desc = "A batch was released twice or never, or the close was lost.")
@State
public class Handoff_04_MoveAssignVsCloseSource extends TwoOwningHandles {
  @Actor
  public void moveAssign(LLL_Result r) {
    r.r1 = Calls.moveAssign(target, source);
  }

  @Actor
  public void closeSource(LLL_Result r) {
    r.r2 = Calls.close(source);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
