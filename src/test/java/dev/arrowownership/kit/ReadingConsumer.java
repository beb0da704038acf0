package dev.arrowownership.kit;

import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A consumer that keeps every consumer rule: it allocates (so failures can be injected), reads the
 * batch's length and releases both base structs exactly once in a {@code finally}, when the result
 * is closed or when anything failed. The fixtures break it one rule at a time.
 */
class ReadingConsumer implements CDataConsumer {

  @Override
  public AutoCloseable consume(long array, long schema, BufferAllocator allocator) {
    ArrowBuf first = null;
    ArrowBuf second = null;
    try {
      first = allocator.buffer(64);
      second = allocator.buffer(64);
      first.setLong(0, MemoryUtil.getLong(array)); // ArrowArray.length
    } catch (RuntimeException | Error e) {
      close(first, second);
      releaseBases(array, schema);
      throw e;
    }
    ArrowBuf a = first;
    ArrowBuf b = second;
    return () -> {
      close(a, b);
      releaseBases(array, schema);
    };
  }

  /** Releases the two base structs; the only releases a consumer may make. */
  void releaseBases(long array, long schema) {
    ArrowArray.wrap(array).release();
    ArrowSchema.wrap(schema).release();
  }

  private static void close(ArrowBuf... buffers) {
    for (ArrowBuf buffer : buffers) {
      if (buffer != null) {
        buffer.close();
      }
    }
  }
}
