package dev.arrowownership.jcstress;

import static org.openjdk.jcstress.annotations.Expect.*;

import dev.arrowownership.concurrency.Handle;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;
import java.lang.ref.Cleaner;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * An explicit close races the leak cleaner: the batch is released once, by whichever comes first.
 *
 * <p>Models the leak cleaner: its action closes the handle through the same CAS as an explicit
 * close. The race runs the cleaning action with {@link Cleaner.Cleanable#clean()} instead of waiting
 * for the garbage collector, so both sides really overlap.
 */
@JCStressTest
@Description("close() against Cleanable.clean() of an action that closes the same handle.")
@Outcome(id = "closed, already-closed, 1", expect = ACCEPTABLE,
    desc = "The explicit close released the batch; the cleaner's close found the handle closed.")
@Outcome(id = "already-closed, closed, 1", expect = ACCEPTABLE,
    desc = "The cleaner released the batch; the explicit close found the handle closed.")
@Outcome(expect = FORBIDDEN,
    desc = "Both or neither closed the handle, or the batch was released twice or never.")
@State
public class Handoff_06_CloseVsCleaner {
  private static final Cleaner CLEANER = Cleaner.create();

  private final HandleKit kit = Kits.underTest();
  private final Handle handle = kit.owning();
  private final CloseAction action = new CloseAction(handle);
  // Stays reachable, so only the clean() below runs the action, never the cleaner's own thread.
  private final Object owner = new Object();
  private final Cleaner.Cleanable cleanable = CLEANER.register(owner, action);

  @Actor
  public void close(LLL_Result r) {
    r.r1 = Calls.close(handle);
  }

  @Actor
  public void clean(LLL_Result r) {
    cleanable.clean(); // runs the action on this thread
    r.r2 = action.outcome;
  }

  @Arbiter
  public void releases(LLL_Result r) {
    r.r3 = kit.closeAllAndCount();
  }

  /** The cleaner's action: closes the handle and remembers what that call did. */
  static final class CloseAction implements Runnable {
    private final Handle handle;
    String outcome;

    CloseAction(Handle handle) {
      this.handle = handle;
    }

    @Override
    public void run() {
      outcome = Calls.close(handle);
    }
  }
}
