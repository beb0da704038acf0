package dev.arrowownership.conformance;

import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Takes back, through the C allocator, the small blocks a producer may have just freed, and fills
 * them: a string the producer freed before handing it out then reads differently. With glibc, a
 * block freed on this thread is the next one {@code malloc} returns for its size class, so two
 * blocks of every 16-byte class up to {@link #LARGEST} take it back on the thread that called the
 * producer. A larger block, or one freed on another thread, may escape.
 */
final class FreedMemoryReuse implements AutoCloseable {
  static final int LARGEST = 1024;
  private static final byte FILL = 'K';

  private final List<Long> blocks = new ArrayList<>();

  /** Allocates and fills the blocks; {@link #close()} frees them. */
  static FreedMemoryReuse now() {
    FreedMemoryReuse reuse = new FreedMemoryReuse();
    for (int size = 16; size <= LARGEST; size += 16) {
      for (int copy = 0; copy < 2; copy++) {
        long block = Native.malloc(size);
        if (block == 0) {
          continue; // out of native memory: this class is not taken back, the check is only weaker
        }
        MemoryUtil.setMemory(block, size, FILL);
        MemoryUtil.putByte(block + size - 1, (byte) 0); // a string read inside the block ends in it
        reuse.blocks.add(block);
      }
    }
    return reuse;
  }

  /** The blocks it holds, for tests. */
  List<Long> blocks() {
    return List.copyOf(blocks);
  }

  @Override
  public void close() {
    blocks.forEach(Native::free);
    blocks.clear();
  }
}
