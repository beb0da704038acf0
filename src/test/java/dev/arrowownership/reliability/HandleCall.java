package dev.arrowownership.reliability;

import dev.arrowownership.wrapper.RecordBatchData;
import dev.arrowownership.wrapper.StructFiller;
import java.util.function.BiConsumer;
import org.apache.arrow.memory.BufferAllocator;

/** Every operation of a handle but close, as a generated misuse calls it: {@code (handle, other allocator)}. */
enum HandleCall {
  ROW_COUNT((h, a) -> h.rowCount()),
  ARRAY_ADDRESS((h, a) -> h.arrayAddress()),
  SCHEMA_ADDRESS((h, a) -> h.schemaAddress()),
  MOVE_FROM((h, a) -> RecordBatchData.moveFrom(h).close()),
  MOVE_ASSIGN_SELF((h, a) -> h.moveAssign(h)),
  POPULATE((h, a) -> h.populate((StructFiller) (array, schema) -> {})),
  IMPORT((h, a) -> h.importBatch(a).close());

  private final BiConsumer<RecordBatchData, BufferAllocator> call;

  HandleCall(BiConsumer<RecordBatchData, BufferAllocator> call) {
    this.call = call;
  }

  /** The operation name the handle's exception messages use. */
  String operation() {
    return switch (this) {
      case ROW_COUNT -> "rowCount";
      case ARRAY_ADDRESS -> "arrayAddress";
      case SCHEMA_ADDRESS -> "schemaAddress";
      case MOVE_FROM -> "moveFrom";
      case MOVE_ASSIGN_SELF -> "moveAssign";
      case POPULATE -> "fill";
      case IMPORT -> "importBatch";
    };
  }

  void on(RecordBatchData handle, BufferAllocator allocator) {
    call.accept(handle, allocator);
  }
}
