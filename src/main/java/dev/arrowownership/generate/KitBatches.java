package dev.arrowownership.generate;

import dev.arrowownership.ledger.ReleaseLedger;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;

/** The kit's own producer for checking consumers: Arrow Java exports a {@link GeneratedBatch}, every struct tracked. */
public final class KitBatches {
  /** Rows per batch the kit hands to consumers. */
  public static final int ROWS = Integer.getInteger("arrowownership.kit.rows", 100);

  private KitBatches() {}

  /** New kit-owned structs holding a generated batch (children and a dictionary), tracked by {@code ledger}. */
  public static KitStructs export(BufferAllocator allocator, ReleaseLedger ledger, String label, long seed) {
    return exportUntracked(allocator, seed).track(ledger, label);
  }

  /**
   * New kit-owned structs holding a generated batch broken as {@code invalid} says, then tracked by
   * {@code ledger}: what the kit hands a consumer to see how it rejects input.
   */
  public static KitStructs exportInvalid(BufferAllocator allocator, ReleaseLedger ledger, String label, long seed,
      InvalidBatch invalid) {
    return exportUntracked(allocator, seed).broken(invalid).track(ledger, label);
  }

  private static KitStructs exportUntracked(BufferAllocator allocator, long seed) {
    KitStructs structs = new KitStructs(allocator);
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, ROWS, seed)) {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), structs.array(), structs.schema());
    } catch (RuntimeException | Error e) {
      structs.close();
      throw e;
    }
    return structs;
  }
}
