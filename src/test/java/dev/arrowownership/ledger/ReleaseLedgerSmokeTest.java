package dev.arrowownership.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.cdata.StructKind;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class ReleaseLedgerSmokeTest {
  @Test
  void smoke() {
    try (RootAllocator alloc = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger()) {
      ArrowArray a = ArrowArray.allocateNew(alloc);
      ArrowSchema s = ArrowSchema.allocateNew(alloc);
      try (IntVector v = new IntVector("x", alloc)) {
        v.allocateNew(3); v.set(0, 1); v.set(1, 2); v.set(2, 3); v.setValueCount(3);
        VectorSchemaRoot root = VectorSchemaRoot.of(v);
        Data.exportVectorSchemaRoot(alloc, root, null, a, s);
      }
      TrackedBatch b = ledger.trackBatch(a.memoryAddress(), s.memoryAddress(), "b");
      // stale copy
      ArrowArray copy = ArrowArray.allocateNew(alloc);
      copy.save(a.snapshot());
      a.release();
      s.release();
      assertThat(ledger.releaseCount(b.array())).isEqualTo(1);
      copy.release();
      assertThat(ledger.releaseCount(b.array())).isEqualTo(2);
      assertThat(ledger.violations()).hasSize(1);
      System.out.println(ledger.events());
      System.out.println(ledger.violations());
      assertThat(StructKind.ARRAY.release(copy.memoryAddress())).isZero();
      a.close(); s.close(); copy.close();
    }
  }
}
