package dev.arrowownership.libraries.lance;

import com.lancedb.lance.Dataset;
import com.lancedb.lance.WriteParams;
import dev.arrowownership.generate.InvalidBatch;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;

/**
 * Run in a JVM of its own by {@link LanceAbortTest}: hands {@code Dataset.create} (into the directory
 * {@code args[0]}) one of the kit's streams, with no guard in between: {@code null_last_error} (get_next
 * fails after one batch, get_last_error gives NULL) or an {@link InvalidBatch} in the first batch or the
 * schema, by name. Prints {@code created} or {@code refused: ...} if Lance returns at all, then what the
 * ledger saw.
 */
public final class LanceAbort {
  /** The case whose get_last_error gives NULL. */
  static final String NULL_LAST_ERROR = "null_last_error";

  private LanceAbort() {}

  public static void main(String[] args) throws Exception {
    StreamPlan plain = StreamPlan.batches(3);
    StreamPlan plan = args[1].equals(NULL_LAST_ERROR) ? plain.failingGetNext(1, null)
        : plain.with(InvalidBatch.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)));
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, ledger, plan)) {
      try (Dataset dataset = Dataset.create(allocator, ArrowArrayStream.wrap(stream.address()), args[0],
          new WriteParams.Builder().build())) {
        System.out.println("created");
      } catch (RuntimeException refused) {
        System.out.println("refused: " + refused.getMessage());
      }
      System.out.println("stream releases " + stream.releaseCalls() + ", results unreleased "
          + ledger.unreleased().size() + ", violations " + ledger.violations().size());
    }
  }
}
