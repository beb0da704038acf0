package dev.arrowownership.cdata;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Arrow Java vectors of any leaf type filled with values that depend on a seed: every third slot
 * null, the rest bytes (or strings of 0 to 20 bytes, inline and out-of-line for views) derived from
 * the seed and the slot.
 */
final class LeafVectors {
  private LeafVectors() {}

  static FieldVector filled(BufferAllocator allocator, ArrowType type, int count, int seed) {
    FieldVector vector = new Field("v", FieldType.nullable(type), null).createVector(allocator);
    if (vector instanceof BitVector bits) {
      bits.allocateNew(count);
      for (int i = 0; i < count; i++) {
        bits.set(i, (seed + i) & 1);
      }
    } else if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.allocateNew(count);
      int width = fixed.getTypeWidth();
      for (int i = 0; i < count; i++) {
        fixed.getDataBuffer().setBytes((long) i * width, bytes(seed, i, width));
        BitVectorHelper.setBit(fixed.getValidityBuffer(), i);
      }
    } else {
      for (int i = 0; i < count; i++) {
        byte[] value = bytes(seed, i, (seed + 7 * i) % 21);
        if (vector instanceof BaseVariableWidthVector v) {
          v.setSafe(i, value);
        } else if (vector instanceof BaseLargeVariableWidthVector v) {
          v.setSafe(i, value);
        } else if (vector instanceof BaseVariableWidthViewVector v) {
          v.setSafe(i, value);
        }
      }
    }
    for (int i = 1; i < count; i += 3) {
      vector.setNull(i);
    }
    vector.setValueCount(count);
    return vector;
  }

  /** {@code width} letters that depend on the seed and the slot (valid UTF-8 for string types). */
  static byte[] bytes(int seed, int slot, int width) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < width; k++) {
      text.append((char) ('a' + Math.floorMod(seed * 31 + slot * 7 + k, 26)));
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
