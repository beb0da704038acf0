package dev.arrowownership.contract;

/**
 * What a subject's write path built from a handle's batch ({@link OwnershipSubject#importBatch}):
 * its row count, which the machine compares with the batch the model says the handle held, and
 * the imported batch itself, which the machine closes at once. Closing it must call each base
 * struct's {@code release} exactly once (the ledger counts the calls).
 *
 * <p>Arrow Java: {@code new Imported(root.getRowCount(), root)}; native code: the row count its
 * importer saw and a close that drops the imported batch.
 *
 * @param rowCount the imported batch's {@code ArrowArray.length}
 * @param batch owns the imported batch; the machine closes it
 */
public record Imported(long rowCount, AutoCloseable batch) implements AutoCloseable {

  public Imported {
    java.util.Objects.requireNonNull(batch, "batch");
  }

  /** Closes {@link #batch()}, letting the importer release what it took. */
  @Override
  public void close() throws Exception {
    batch.close();
  }
}
