package dev.arrowownership.thirdparty;

import dev.arrowownership.contract.BatchFiller;
import dev.arrowownership.contract.Imported;
import dev.arrowownership.contract.OwnershipSubject;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@link BatchHolder} plugged into the wrapper contract: handles only, no frame, so it declares no
 * feature. Stateless, so the exhaustive checker may run its sequences in parallel.
 */
public class BatchHolderSubject implements OwnershipSubject<BatchHolder, Void> {

  @Override
  public String name() {
    return "BatchHolder";
  }

  @Override
  public BatchHolder allocate(BufferAllocator allocator, String name) {
    return BatchHolder.allocate(allocator, name);
  }

  @Override
  public String nameOf(BatchHolder handle) {
    return handle.name();
  }

  @Override
  public void populate(BatchHolder handle, BatchFiller filler) {
    handle.fill((array, schema) -> filler.fill(array.memoryAddress(), schema.memoryAddress()));
  }

  @Override
  public BatchHolder moveFrom(BatchHolder source) {
    return source.take();
  }

  @Override
  public void moveAssign(BatchHolder target, BatchHolder source) {
    target.replaceWith(source);
  }

  @Override
  public Imported importBatch(BatchHolder handle, BufferAllocator allocator) {
    CDataDictionaryProvider dictionaries = new CDataDictionaryProvider();
    try {
      VectorSchemaRoot root = handle.importInto(allocator, dictionaries);
      return new Imported(root.getRowCount(), () -> {
        try (dictionaries; root) { // the root first, then the dictionaries its columns refer to
        }
      });
    } catch (RuntimeException | Error e) {
      dictionaries.close();
      throw e;
    }
  }

  @Override
  public long rowCount(BatchHolder handle) {
    return handle.length();
  }

  @Override
  public boolean isOwned(BatchHolder handle) {
    return handle.isOwned();
  }

  @Override
  public long arrayAddress(BatchHolder handle) {
    return handle.arrayAddress();
  }

  @Override
  public long schemaAddress(BatchHolder handle) {
    return handle.schemaAddress();
  }

  @Override
  public void close(BatchHolder handle) {
    handle.close();
  }
}
