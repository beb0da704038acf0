package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What a consumer kept is its own count's growth, and nothing when either reading is unknown (-1). */
class KeptBytesTest {
  @Test
  void growthIsKept() {
    assertThat(kept(100, 164)).isEqualTo(64);
    assertThat(kept(0, 1)).isEqualTo(1);
  }

  @Test
  void noGrowthOrLessIsNothingKept() {
    assertThat(kept(100, 100)).isZero();
    assertThat(kept(100, 40)).isZero();
  }

  @Test
  void anUnknownReadingKeepsNothing() {
    assertThat(kept(-1, 64)).isZero();
    assertThat(kept(0, -1)).isZero();
    assertThat(kept(-1, -1)).isZero();
  }

  private static long kept(long before, long after) {
    PrimitiveIterator.OfLong readings = LongStream.of(before, after).iterator();
    return KeptBytes.from(readings::nextLong).kept();
  }
}
