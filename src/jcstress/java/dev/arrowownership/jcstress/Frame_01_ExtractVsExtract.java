package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import dev.arrowownership.concurrency.Frame;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/** Two callers extract the same frame's batches: one gets them all, the other is refused. */
@JCStressTest
@Description("extractRecordBatches() against extractRecordBatches() on a frame of two batches.")
@Outcome(id = "extracted, refused, 1/1", expect = ACCEPTABLE,
    desc = "The first extraction got both batches; the second threw IllegalStateException.")
@Outcome(id = "refused, extracted, 1/1", expect = ACCEPTABLE,
    desc = "The second extraction got both batches; the first threw IllegalStateException.")
@Outcome(expect = FORBIDDEN,
    desc = "Both extractions returned handles, or a batch was released twice or never.")
@State
public class Frame_01_ExtractVsExtract {
  private final HandleKit kit = Kits.underTest();
  private final Frame frame = kit.frame(2);

  @Actor
  public void extract1(LLL_Result r) {
    r.r1 = Calls.extract(frame);
  }

  @Actor
  public void extract2(LLL_Result r) {
    r.r2 = Calls.extract(frame);
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }
}
