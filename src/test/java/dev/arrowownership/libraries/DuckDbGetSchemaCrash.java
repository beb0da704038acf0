package dev.arrowownership.libraries;

import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.RootAllocator;

/**
 * Run in a JVM of its own by {@link DuckDbGetSchemaCrashTest}: registers with DuckDB a stream whose
 * get_schema fails and whose get_last_error gives NULL (both allowed by the spec). DuckDB's JDBC
 * driver ignores get_schema's return code and goes on with the schema it never got, which crashes the
 * process; exit code 0 means it did not.
 */
public final class DuckDbGetSchemaCrash {
  private DuckDbGetSchemaCrash() {}

  public static void main(String[] args) throws Exception {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        KitStream stream = new KitStream(allocator, ledger, StreamPlan.batches(1).failingGetSchema(null));
        DuckDbSession duck = DuckDbSession.open()) {
      try {
        duck.connection.registerArrowStream("kit", ArrowArrayStream.wrap(stream.address()));
        System.out.println("registered");
      } catch (RuntimeException refused) {
        System.out.println("refused: " + refused);
        ArrowArrayStream.wrap(stream.address()).release();
      }
    }
  }
}
