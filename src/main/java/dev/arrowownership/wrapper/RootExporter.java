package dev.arrowownership.wrapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Exports a {@code VectorSchemaRoot} as one struct array, as {@code Data.exportVectorSchemaRoot}
 * does, but frees the intermediate struct vector when an allocation fails part way: Arrow Java
 * 19.0.0 creates that vector inside {@code StructVectorLoader.load} and leaks it, with every buffer
 * retained so far, when allocating the struct's own validity buffer fails. Found by the fault sweep. Loading mirrors {@code
 * StructVectorLoader}: buffer by buffer, O(buffers), never O(rows).
 */
final class RootExporter {
  private RootExporter() {}

  /** Exports {@code root}'s schema into {@code schema} and its data into {@code array}. */
  static void export(BufferAllocator allocator, VectorSchemaRoot root, DictionaryProvider dictionaries,
      ArrowArray array, ArrowSchema schema) {
    Data.exportSchema(allocator, root.getSchema(), dictionaries, schema);
    // An unloaded batch is uncompressed, so its buffers load as they are.
    try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch();
        StructVector struct = StructVector.emptyWithDuplicates("", allocator)) {
      struct.initializeChildrenFromFields(root.getSchema().getFields());
      Iterator<ArrowBuf> buffers = batch.getBuffers().iterator();
      Iterator<ArrowFieldNode> nodes = batch.getNodes().iterator();
      Iterator<Long> variadic = batch.getVariadicBufferCounts().iterator();
      for (FieldVector child : struct.getChildrenFromFields()) {
        load(child, child.getField(), buffers, nodes, variadic); // the struct owns what is loaded
      }
      struct.loadFieldBuffers(new ArrowFieldNode(batch.getLength(), 0), Collections.singletonList(null));
      Data.exportVector(allocator, struct, dictionaries, array);
    }
  }

  private static void load(FieldVector vector, Field field, Iterator<ArrowBuf> buffers,
      Iterator<ArrowFieldNode> nodes, Iterator<Long> variadic) {
    ArrowFieldNode node = nodes.next();
    long count = TypeLayout.getTypeBufferCount(field.getType());
    if (vector instanceof BaseVariableWidthViewVector) {
      count += variadic.next();
    }
    List<ArrowBuf> own = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      own.add(buffers.next());
    }
    vector.loadFieldBuffers(node, own);
    List<Field> children = field.getChildren();
    List<FieldVector> childVectors = vector.getChildrenFromFields();
    for (int i = 0; i < children.size(); i++) {
      load(childVectors.get(i), children.get(i), buffers, nodes, variadic);
    }
  }
}
