package dev.arrowownership.wrapper;

import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;

/**
 * A producer that writes one record batch into a handle's empty structs, for example Arrow Java's
 * {@code Data.exportVectorSchemaRoot}, or a native producer given {@code array.memoryAddress()} and
 * {@code schema.memoryAddress()}. The structs are borrowed for the duration of the call.
 */
@FunctionalInterface
public interface StructFiller {
  /** Fills {@code array} and {@code schema}; both must have {@code release} set on return. */
  void fill(ArrowArray array, ArrowSchema schema);
}
