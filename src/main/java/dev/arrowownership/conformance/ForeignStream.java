package dev.arrowownership.conformance;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StreamField;
import java.util.Locale;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A stream a producer put into the kit's struct, called through the function pointers it holds
 * (C Stream Interface, "The ArrowArrayStream structure"): every callback is mandatory, and a NULL
 * one is refused by name instead of called, since calling it would crash the process.
 */
final class ForeignStream {
  /** {@code sizeof(struct ArrowArrayStream)}: five pointers. */
  static final int SIZE = 40;

  private final long address;

  ForeignStream(long address) {
    this.address = address;
  }

  /**
   * A stream struct of the kit's with every field NULL: released, and a producer that leaves a
   * callback unset leaves NULL there, which is refused by name, not stale bytes that would be called.
   */
  static ArrowArrayStream newStruct(BufferAllocator allocator) {
    ArrowArrayStream struct = ArrowArrayStream.allocateNew(allocator);
    MemoryUtil.setMemory(struct.memoryAddress(), SIZE, (byte) 0);
    return struct;
  }

  /** Has {@code producer} fill the struct at {@code address}, and checks that it did. */
  static ForeignStream produce(CDataStreamProducer producer, long address) throws Exception {
    producer.produce(address);
    ForeignStream stream = new ForeignStream(address);
    if (!stream.isLive()) {
      throw new IllegalStateException("the producer returned without filling the stream (its release is NULL)");
    }
    return stream;
  }

  long address() {
    return address;
  }

  /** True while the stream's {@code release} is not NULL. */
  boolean isLive() {
    return StreamField.RELEASE.get(address) != 0;
  }

  /** {@code get_schema(stream, out)}: 0 or an error code. */
  int getSchema(long out) {
    return function(StreamField.GET_SCHEMA).invokeInt(new Object[] {new Pointer(address), new Pointer(out)});
  }

  /** {@code get_next(stream, out)}: 0 or an error code. */
  int getNext(long out) {
    return function(StreamField.GET_NEXT).invokeInt(new Object[] {new Pointer(address), new Pointer(out)});
  }

  /** {@code get_last_error(stream)}: the address of the producer's message, 0 for NULL. */
  long lastError() {
    return Pointer.nativeValue(function(StreamField.GET_LAST_ERROR).invokePointer(new Object[] {new Pointer(address)}));
  }

  /** {@code release(stream)}. */
  void release() {
    function(StreamField.RELEASE).invoke(new Object[] {new Pointer(address)});
  }

  private Function function(StreamField field) {
    long pointer = field.get(address);
    if (pointer == 0) {
      throw new IllegalStateException("the stream at 0x" + Long.toHexString(address) + " has "
          + field.name().toLowerCase(Locale.ROOT) + " == NULL (every callback of a live stream is mandatory)");
    }
    return Function.getFunction(new Pointer(pointer));
  }
}
