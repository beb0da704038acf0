package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import dev.arrowownership.concurrency.Frame;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** A request extracts a frame's batches while a pool closes the frame: each batch is released once. */
@JCStressTest
@Description("extractRecordBatches() against close() on a frame of two batches.")
@Outcome(id = "extracted, closed, 1/1", expect = ACCEPTABLE,
    desc = "Extraction won: the caller owns both batches (released at cleanup); close released nothing.")
@Outcome(id = "refused, closed, 1/1", expect = ACCEPTABLE,
    desc = "close won: it released both batches; extraction threw IllegalStateException.")
@Outcome(expect = FORBIDDEN,
    desc = "A batch was both handed out and released, released twice, or never released.")
@State
public class Frame_02_ExtractVsClose {
  private final HandleKit kit = Kits.underTest();
  private final Frame frame = kit.frame(2);

  @Actor
  public void extract(LLL_Result r) {
    r.r1 = Calls.extract(frame);
  }

  @Actor
  public void close(LLL_Result r) {
    r.r2 = Calls.close(frame);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
