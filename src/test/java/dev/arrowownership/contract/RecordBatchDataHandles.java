package dev.arrowownership.contract;

import dev.arrowownership.wrapper.ImportedBatch;
import dev.arrowownership.wrapper.RecordBatchData;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The handle operations of {@link RecordBatchData}, shared by the reference subject and by subjects
 * that pair it with another frame: an adapter from the wrapper's Arrow Java types to the kit's
 * addresses, written against the public API as any adopter would.
 *
 * @param <F> the frame type
 */
public abstract class RecordBatchDataHandles<F> implements OwnershipSubject<RecordBatchData, F> {

  @Override
  public String name() {
    return "RecordBatchData";
  }

  @Override
  public RecordBatchData allocate(BufferAllocator allocator, String name) {
    return RecordBatchData.allocate(allocator, name);
  }

  @Override
  public String nameOf(RecordBatchData handle) {
    return handle.name();
  }

  @Override
  public void populate(RecordBatchData handle, BatchFiller filler) {
    handle.populate((array, schema) -> filler.fill(array.memoryAddress(), schema.memoryAddress()));
  }

  @Override
  public RecordBatchData moveFrom(RecordBatchData source) {
    return RecordBatchData.moveFrom(source);
  }

  @Override
  public void moveAssign(RecordBatchData target, RecordBatchData source) {
    target.moveAssign(source);
  }

  @Override
  public Imported importBatch(RecordBatchData handle, BufferAllocator allocator) {
    ImportedBatch batch = handle.importBatch(allocator);
    return new Imported(batch.root().getRowCount(), batch);
  }

  @Override
  public long rowCount(RecordBatchData handle) {
    return handle.rowCount();
  }

  @Override
  public boolean isOwned(RecordBatchData handle) {
    return handle.isOwned();
  }

  @Override
  public long arrayAddress(RecordBatchData handle) {
    return handle.arrayAddress();
  }

  @Override
  public long schemaAddress(RecordBatchData handle) {
    return handle.schemaAddress();
  }

  @Override
  public void close(RecordBatchData handle) {
    handle.close();
  }

}
