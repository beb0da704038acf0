package dev.arrowownership.generate;

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
 * tracked by a ledger once filled. Closing frees the two structs' own memory (and that of a child
 * {@link #broken} moved out), never calls release.
 */
public final class KitStructs implements AutoCloseable {
  private final ArrowArray array;
  private final ArrowSchema schema;
  private final List<TrackedStruct> arrayTree = new ArrayList<>();
  private final List<TrackedStruct> schemaTree = new ArrayList<>();
  private final BufferAllocator allocator;
  private final List<ArrowArray> movedOut = new ArrayList<>();

  public KitStructs(BufferAllocator allocator) {
    this.allocator = allocator;
    array = ArrowArray.allocateNew(allocator);
    schema = ArrowSchema.allocateNew(allocator);
  }

  /** The kit's {@code ArrowArray} (its own memory; what it holds is the producer's). */
  public ArrowArray array() {
    return array;
  }

  /** The kit's {@code ArrowSchema}. */
  public ArrowSchema schema() {
    return schema;
  }

  /** The address of {@link #array()}. */
  public long arrayAddress() {
    return array.memoryAddress();
  }

  /** The address of {@link #schema()}. */
  public long schemaAddress() {
    return schema.memoryAddress();
  }

  /**
   * Breaks the filled batch as {@code invalid} says; call before {@link #track}. A child it moves out
   * stays the kit's: {@link #releaseLive()} releases it.
   */
  public KitStructs broken(InvalidBatch invalid) {
    long address = invalid.kind() == StructKind.ARRAY ? arrayAddress() : schemaAddress();
    invalid.breakStruct(address, allocator).ifPresent(movedOut::add);
    return this;
  }

  /** Interposes on both trees; call once the structs are filled. */
  public KitStructs track(ReleaseLedger ledger, String label) {
    arrayTree.addAll(ledger.trackTree(StructKind.ARRAY, arrayAddress(), label));
    schemaTree.addAll(ledger.trackTree(StructKind.SCHEMA, schemaAddress(), label));
    return this;
  }

  /**
   * Interposes on the tree of each base struct that produce() left live, so that releasing what a
   * producer handed over never forwards a second call to a child's release (the ledger reports it
   * instead): for the kit's rounds that only look at liveness or memory. Returns the number tracked.
   */
  public int trackLive(ReleaseLedger ledger, String label) {
    int tracked = 0;
    if (StructKind.ARRAY.isLive(arrayAddress())) {
      arrayTree.addAll(ledger.trackTree(StructKind.ARRAY, arrayAddress(), label));
      tracked++;
    }
    if (StructKind.SCHEMA.isLive(schemaAddress())) {
      schemaTree.addAll(ledger.trackTree(StructKind.SCHEMA, schemaAddress(), label));
      tracked++;
    }
    return tracked;
  }

  /** The two base structs. */
  public List<TrackedStruct> bases() {
    return List.of(arrayTree.get(0), schemaTree.get(0));
  }

  /** Every tracked struct but the two bases. */
  public List<TrackedStruct> descendants() {
    List<TrackedStruct> all = new ArrayList<>(arrayTree.subList(1, arrayTree.size()));
    all.addAll(schemaTree.subList(1, schemaTree.size()));
    return all;
  }

  /**
   * Releases whichever base struct is still live at the kit's address (release() skips released
   * ones), and any child {@link #broken} moved out.
   */
  public void releaseLive() {
    array.release();
    schema.release();
    movedOut.forEach(ArrowArray::release);
  }

  @Override
  public void close() {
    array.close();
    schema.close();
    movedOut.forEach(ArrowArray::close);
  }
}
