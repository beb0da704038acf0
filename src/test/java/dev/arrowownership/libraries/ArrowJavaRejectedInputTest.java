package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedBatch;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrow Java 19.0.0's {@code importVectorSchemaRoot} handed an array that is not a struct, as a new
 * user might: it refuses, having released the schema and left the array live with the caller. The
 * spec's consumer rules are kept if the caller then releases the array, which nothing tells it to
 * do: not a finding by the spec (see docs/conformance/arrow-java.md), asserted as observed.
 */
class ArrowJavaRejectedInputTest {
  private final RootAllocator allocator = new RootAllocator();
  private final BufferAllocator producer = allocator.newChildAllocator("producer", 0, Long.MAX_VALUE);
  private final BufferAllocator consumer = allocator.newChildAllocator("consumer", 0, Long.MAX_VALUE);
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final StructMemory structs = new StructMemory(allocator);

  @AfterEach
  void close() {
    structs.close();
    ledger.close();
    consumer.close();
    producer.close(); // the exporter got everything back
    allocator.close();
  }

  @Test
  void nonStructArrayReleasesTheSchemaAndLeavesTheArrayToTheCaller() {
    ArrowArray array = structs.array();
    ArrowSchema schema = structs.schema();
    try (GeneratedBatch batch = GeneratedBatch.create(producer, 10, 1)) {
      Data.exportVector(producer, batch.root().getVector("id"), null, array, schema); // an int32 array
    }
    TrackedBatch tracked = ledger.trackBatch(array.memoryAddress(), schema.memoryAddress(), "int32");

    try (CDataDictionaryProvider dictionaries = new CDataDictionaryProvider()) {
      assertThatThrownBy(() -> Data.importVectorSchemaRoot(consumer, array, schema, dictionaries))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Cannot import schema: ArrowSchema describes non-struct type");
    }

    assertThat(ledger.releaseCount(tracked.schema())).isEqualTo(1);
    assertThat(ledger.releaseCount(tracked.array())).isZero();
    assertThat(StructKind.ARRAY.isLive(array.memoryAddress())).isTrue(); // the caller's to release
    assertThat(consumer.getAllocatedMemory()).isZero();
    array.release();
    ledger.verifyExactlyOnce();
  }
}
