package dev.arrowownership.wrapper;

import java.util.Collections;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Exports a {@code VectorSchemaRoot} as one struct array, as {@code Data.exportVectorSchemaRoot}
 * does, but frees the intermediate struct vector when an allocation fails part way: Arrow Java
 * 19.0.0 creates that vector inside {@code StructVectorLoader.load} and leaks it (with every buffer
 * retained so far) if loading throws. Found by the fault sweep.
 */
final class RootExporter {
  private RootExporter() {}

  /** Exports {@code root}'s schema into {@code schema} and its data into {@code array}. */
  static void export(BufferAllocator allocator, VectorSchemaRoot root, DictionaryProvider dictionaries,
      ArrowArray array, ArrowSchema schema) {
    Data.exportSchema(allocator, root.getSchema(), dictionaries, schema);
    try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch();
        StructVector struct = StructVector.emptyWithDuplicates("", allocator)) {
      struct.initializeChildrenFromFields(root.getSchema().getFields());
      // The children are loaded into the struct, which the try closes whatever happens.
      new VectorLoader(new VectorSchemaRoot(struct.getChildrenFromFields())).load(batch);
      struct.loadFieldBuffers(new ArrowFieldNode(batch.getLength(), 0), Collections.singletonList(null));
      Data.exportVector(allocator, struct, dictionaries, array);
    }
  }
}
