package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On glibc, a block freed on this thread is the next one malloc returns for its size class: the
 * reuse takes back blocks from 16 bytes to {@link FreedMemoryReuse#LARGEST}, two of each size, and
 * overwrites them, so a string freed before it was handed out reads differently.
 */
class FreedMemoryReuseTest {

  /** What this test relies on is glibc's allocator; elsewhere the reuse only makes the check weaker. */
  @BeforeAll
  static void onGlibc() {
    boolean glibc;
    try {
      NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("gnu_get_libc_version");
      glibc = true;
    } catch (UnsatisfiedLinkError notGlibc) {
      glibc = false;
    }
    assumeTrue(glibc, "the C library is not glibc: freed blocks may not be handed out again at once");
  }

  @Test
  void takesBackAndOverwritesFreedBlocksOfEverySize() {
    for (int size : new int[] {16, 64, FreedMemoryReuse.LARGEST}) {
      long first = freedString(size);
      long second = freedString(size);
      try (FreedMemoryReuse reuse = FreedMemoryReuse.now()) {
        assertThat(reuse.blocks()).as("size " + size).contains(first, second);
        // Filled, with a NUL at the block's end: a string read inside it stops there.
        assertThat(NativeText.bytes(first + 8)).as("size " + size).hasSize(size - 9).containsOnly('K');
      }
    }
  }

  /** Closing frees every block, once: the next allocations of their size take them again. */
  @Test
  void closeFreesEveryBlockOnce() {
    FreedMemoryReuse reuse = FreedMemoryReuse.now();
    List<Long> blocks = reuse.blocks();
    assertThat(blocks).hasSize(2 * FreedMemoryReuse.LARGEST / 16);
    reuse.close();
    // The next allocations of that size take the freed blocks again. Not necessarily the very next:
    // glibc's per-thread cache holds seven blocks a size, so blocks this thread freed before (the
    // JVM's own) can be handed out first and ours wait behind them. Sixteen reach past that cache.
    long[] again = new long[16];
    for (int i = 0; i < again.length; i++) {
      again[i] = Native.malloc(64);
    }
    try {
      reuse.close(); // nothing left to free: a second free of a block would abort the process
      assertThat(reuse.blocks()).isEmpty();
      assertThat(java.util.Arrays.stream(again).boxed().toList()).containsAnyElementsOf(blocks);
    } finally {
      for (long block : again) {
        Native.free(block);
      }
    }
  }

  /** A block of {@code size} bytes of text, freed at once: what a producer's freed message looks like. */
  private static long freedString(int size) {
    long block = Native.malloc(size);
    MemoryUtil.setMemory(block, size, (byte) 'm');
    Native.free(block);
    return block;
  }
}
