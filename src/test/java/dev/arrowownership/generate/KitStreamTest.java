package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.ledger.ReleaseLedger;
import java.io.IOException;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The kit's own ArrowArrayStream: what a consumer sees when it fails, and the memory it frees. */
class KitStreamTest {

  /** Closing the kit's stream frees the struct it allocated. */
  @Test
  void closeFreesTheStreamStruct() {
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger()) {
      new KitStream(allocator, ledger, 1).close();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  /**
   * When the kit cannot generate a batch (its allocator is full), get_schema returns EIO and
   * get_last_error gives no message: the consumer gets an IOException with strerror(EIO), not
   * a crash, and no result is tracked.
   */
  @Test
  void failedGenerationIsAnIoErrorWithoutMessage() throws Exception {
    try (RootAllocator allocator = new RootAllocator(); RootAllocator consumer = new RootAllocator();
        ReleaseLedger ledger = new ReleaseLedger(); KitStream stream = new KitStream(allocator, ledger, 1);
        ArrowSchema schema = ArrowSchema.allocateNew(consumer)) {
      allocator.setLimit(allocator.getAllocatedMemory());
      ArrowArrayStream wrapped = ArrowArrayStream.wrap(stream.address());
      assertThatThrownBy(() -> wrapped.getSchema(schema)).isInstanceOf(IOException.class)
          .hasMessage("[errno 5] CDataJniException{errno=5, message=Input/output error}");
      wrapped.release();
      assertThat(stream.releaseCalls()).isEqualTo(1);
      assertThat(stream.results()).isEmpty();
    }
  }

  /**
   * A consumer that moved the stream and calls it after the kit closed it gets EINVAL and a last
   * error saying the stream is closed, not a 0 with nothing written; its release still marks it released.
   */
  @Test
  void closedStreamAnswersEinvalWithALastError() throws Exception {
    try (RootAllocator allocator = new RootAllocator(); RootAllocator consumer = new RootAllocator();
        ReleaseLedger ledger = new ReleaseLedger(); ArrowArrayStream moved = ArrowArrayStream.allocateNew(consumer);
        ArrowSchema schema = ArrowSchema.allocateNew(consumer); ArrowArray array = ArrowArray.allocateNew(consumer)) {
      KitStream stream = new KitStream(allocator, ledger, 1);
      moved.save(ArrowArrayStream.wrap(stream.address()).snapshot());
      stream.close();
      String closed = "[errno 22] CDataJniException{errno=22, message=the kit's stream was closed"
          + " (KitStream.close) before this call: it has no schema or batch to give}";
      assertThatThrownBy(() -> moved.getSchema(schema)).isInstanceOf(IOException.class).hasMessage(closed);
      assertThatThrownBy(() -> moved.getNext(array)).isInstanceOf(IOException.class).hasMessage(closed);
      moved.release();
      assertThat(StreamField.RELEASE.get(moved.memoryAddress())).isZero();
      assertThat(stream.releaseCalls()).isZero(); // counted nowhere: the stream was closed
    }
  }
}
