package dev.arrowownership.kit;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One record batch's base structs, allocated and owned by the kit, with every struct under them
 * tracked by a ledger once filled. Closing frees the two structs' own memory, never calls release.
 */
final class KitStructs implements AutoCloseable {
  final ArrowArray array;
  final ArrowSchema schema;
  final List<TrackedStruct> arrayTree = new ArrayList<>();
  final List<TrackedStruct> schemaTree = new ArrayList<>();

  KitStructs(BufferAllocator allocator) {
    array = ArrowArray.allocateNew(allocator);
    schema = ArrowSchema.allocateNew(allocator);
  }

  long arrayAddress() {
    return array.memoryAddress();
  }

  long schemaAddress() {
    return schema.memoryAddress();
  }

  /** Interposes on both trees; call once the structs are filled. */
  KitStructs track(ReleaseLedger ledger, String label) {
    arrayTree.addAll(ledger.trackTree(StructKind.ARRAY, arrayAddress(), label));
    schemaTree.addAll(ledger.trackTree(StructKind.SCHEMA, schemaAddress(), label));
    return this;
  }

  /** The two base structs. */
  List<TrackedStruct> bases() {
    return List.of(arrayTree.get(0), schemaTree.get(0));
  }

  /** Every tracked struct but the two bases. */
  List<TrackedStruct> descendants() {
    List<TrackedStruct> all = new ArrayList<>(arrayTree.subList(1, arrayTree.size()));
    all.addAll(schemaTree.subList(1, schemaTree.size()));
    return all;
  }

  /** Releases whichever base struct is still live at the kit's address (release() skips released ones). */
  void releaseLive() {
    array.release();
    schema.release();
  }

  @Override
  public void close() {
    array.close();
    schema.close();
  }
}
