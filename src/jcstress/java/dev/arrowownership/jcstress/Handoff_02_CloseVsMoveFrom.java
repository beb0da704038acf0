package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import dev.arrowownership.concurrency.Handle;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** A pool closes a handle while a writer moves its batch out: either closes or moves it, never both. */
@JCStressTest
@Description("close() against moveFrom() on one owning handle; cleanup closes the moved-to handle.")
@Outcome(id = "closed, refused, 1", expect = ACCEPTABLE,
    desc = "close won: it released the batch; moveFrom threw IllegalStateException on the closed handle.")
@Outcome(id = "closed, moved, 1", expect = ACCEPTABLE,
    desc = "moveFrom won: the new handle owns the batch, released once at cleanup; close closed an empty handle.")
@Outcome(expect = FORBIDDEN,
    desc = "The batch was both moved and released, released twice, or lost.")
@State
public class Handoff_02_CloseVsMoveFrom {
  private final HandleKit kit = Kits.underTest();
  private final Handle handle = kit.owning();

  @Actor
  public void close(LLL_Result r) {
    r.r1 = Calls.close(handle);
  }

  @Actor
  public void moveFrom(LLL_Result r) {
    r.r2 = Calls.moveFrom(handle);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
