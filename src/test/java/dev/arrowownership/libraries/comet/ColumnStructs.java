package dev.arrowownership.libraries.comet;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One empty (released) {@code ArrowArray} and {@code ArrowSchema} per column, the output the shuffle
 * decoder writes into, with the address arrays it takes. Closing frees the structs' own memory only:
 * releasing what Comet wrote is the test's business.
 */
final class ColumnStructs implements AutoCloseable {
  private final List<ArrowArray> arrays = new ArrayList<>();
  private final List<ArrowSchema> schemas = new ArrayList<>();

  ColumnStructs(BufferAllocator allocator, int columns) {
    for (int i = 0; i < columns; i++) {
      arrays.add(ArrowArray.allocateNew(allocator));
      schemas.add(ArrowSchema.allocateNew(allocator));
    }
  }

  ArrowArray array(int column) {
    return arrays.get(column);
  }

  ArrowSchema schema(int column) {
    return schemas.get(column);
  }

  long[] arrayAddresses() {
    return arrays.stream().mapToLong(ArrowArray::memoryAddress).toArray();
  }

  long[] schemaAddresses() {
    return schemas.stream().mapToLong(ArrowSchema::memoryAddress).toArray();
  }

  @Override
  public void close() {
    arrays.forEach(ArrowArray::close);
    schemas.forEach(ArrowSchema::close);
  }
}
