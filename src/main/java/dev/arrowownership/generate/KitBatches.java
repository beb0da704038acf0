package dev.arrowownership.generate;

import dev.arrowownership.ledger.ReleaseLedger;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The kit's own producers for checking consumers: by default Arrow Java exports a {@link
 * GeneratedBatch}; any {@link BatchSource} may take its place. Every struct is tracked.
 */
public final class KitBatches {
  /** Rows per batch the kit hands to consumers. */
  public static final int ROWS = Integer.getInteger("arrowownership.kit.rows", 100);

  /** The default source: a {@link GeneratedBatch} of the asked rows, seeded by the index, exported by Arrow Java. */
  public static final BatchSource ARROW_JAVA = new BatchSource() {
    @Override
    public void exportSchema(BufferAllocator allocator, long schemaAddress) {
      try (GeneratedBatch batch = GeneratedBatch.create(allocator, ROWS, 0)) {
        // The same shape as the arrays: a list column with no values would have a Null child type.
        Data.exportSchema(allocator, batch.root().getSchema(), batch.dictionaries(), ArrowSchema.wrap(schemaAddress));
      }
    }

    @Override
    public void exportBatch(BufferAllocator allocator, long arrayAddress, long schemaAddress, long index, int rows) {
      try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, index)) {
        Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), ArrowArray.wrap(arrayAddress),
            schemaAddress == 0 ? null : ArrowSchema.wrap(schemaAddress));
      }
    }

    @Override
    public String toString() {
      return "GeneratedBatch exported by Arrow Java";
    }
  };

  private KitBatches() {}

  /** New kit-owned structs holding a generated batch (children and a dictionary), tracked by {@code ledger}. */
  public static KitStructs export(BufferAllocator allocator, ReleaseLedger ledger, String label, long seed) {
    return export(allocator, ledger, label, seed, ARROW_JAVA);
  }

  /** New kit-owned structs holding batch {@code seed} of {@code source}, tracked by {@code ledger}. */
  public static KitStructs export(BufferAllocator allocator, ReleaseLedger ledger, String label, long seed,
      BatchSource source) {
    return exportUntracked(allocator, seed, source).track(ledger, label);
  }

  /**
   * New kit-owned structs holding a generated batch broken as {@code invalid} says, then tracked by
   * {@code ledger}: what the kit hands a consumer to see how it rejects input.
   */
  public static KitStructs exportInvalid(BufferAllocator allocator, ReleaseLedger ledger, String label, long seed,
      InvalidBatch invalid) {
    return exportUntracked(allocator, seed, ARROW_JAVA).broken(invalid).track(ledger, label);
  }

  private static KitStructs exportUntracked(BufferAllocator allocator, long seed, BatchSource source) {
    KitStructs structs = new KitStructs(allocator);
    try {
      source.exportBatch(allocator, structs.arrayAddress(), structs.schemaAddress(), seed, ROWS);
    } catch (RuntimeException | Error e) {
      structs.close();
      throw e;
    }
    return structs;
  }
}
