package dev.arrowownership.cdata;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.LargeListViewVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.ListViewVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.RunEndEncodedVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.complex.writer.BaseWriter.ListWriter;
import org.apache.arrow.vector.holders.NullableFloat8Holder;
import org.apache.arrow.vector.holders.NullableIntHolder;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Arrow Java nested vectors of four slots whose int values depend on a seed. */
final class NestedVectors {
  static final int SLOTS = 4;
  private static final ArrowType INT32 = new ArrowType.Int(32, true);
  private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

  private NestedVectors() {}

  /** A list-like vector (list, large list, list view, large list view) of slot i holding i ints. */
  static FieldVector list(BufferAllocator allocator, String format, int seed) {
    FieldVector vector = switch (format) {
      case "+l" -> ListVector.empty("l", allocator);
      case "+L" -> LargeListVector.empty("l", allocator);
      case "+vl" -> ListViewVector.empty("l", allocator);
      default -> LargeListViewVector.empty("l", allocator);
    };
    ListWriter writer = vector instanceof ListVector l ? l.getWriter()
        : vector instanceof LargeListVector l ? l.getWriter()
        : vector instanceof ListViewVector l ? l.getWriter() : ((LargeListViewVector) vector).getWriter();
    for (int i = 0; i < SLOTS; i++) {
      writer.setPosition(i);
      writer.startList();
      for (int k = 0; k < i; k++) {
        writer.integer().writeInt(seed * 100 + i * 10 + k);
      }
      writer.endList();
    }
    vector.setValueCount(SLOTS);
    return vector;
  }

  static FixedSizeListVector fixedSizeList(BufferAllocator allocator, int seed) {
    FixedSizeListVector vector = FixedSizeListVector.empty("f", 2, allocator);
    IntVector ints = (IntVector) vector.addOrGetVector(FieldType.nullable(INT32)).getVector();
    vector.allocateNew();
    for (int i = 0; i < SLOTS; i++) {
      vector.setNotNull(i);
      ints.setSafe(2 * i, seed + i);
      ints.setSafe(2 * i + 1, seed - i);
    }
    ints.setValueCount(2 * SLOTS);
    vector.setValueCount(SLOTS);
    return vector;
  }

  static StructVector struct(BufferAllocator allocator, int seed) {
    StructVector vector = StructVector.empty("s", allocator);
    IntVector a = vector.addOrGet("a", FieldType.nullable(INT32), IntVector.class);
    Float8Vector b = vector.addOrGet("b", FieldType.nullable(FLOAT64), Float8Vector.class);
    for (int i = 0; i < SLOTS; i++) {
      vector.setIndexDefined(i);
      a.setSafe(i, seed + i);
      b.setSafe(i, seed * 0.5 + i);
    }
    vector.setNull(2);
    vector.setValueCount(SLOTS);
    return vector;
  }

  static MapVector map(BufferAllocator allocator, int seed) {
    MapVector vector = MapVector.empty("m", allocator, false);
    UnionMapWriter writer = vector.getWriter();
    for (int i = 0; i < SLOTS; i++) {
      writer.setPosition(i);
      writer.startMap();
      for (int k = 0; k < i; k++) {
        writer.startEntry();
        writer.key().integer().writeInt(k);
        writer.value().integer().writeInt(seed + k);
        writer.endEntry();
      }
      writer.endMap();
    }
    vector.setValueCount(SLOTS);
    return vector;
  }

  static UnionVector sparseUnion(BufferAllocator allocator, int seed) {
    UnionVector vector = UnionVector.empty("u", allocator);
    for (int i = 0; i < SLOTS; i++) {
      if (i % 2 == 0) {
        vector.setSafe(i, intHolder(seed + i));
      } else {
        vector.setSafe(i, doubleHolder(seed + i));
      }
    }
    vector.setValueCount(SLOTS);
    return vector;
  }

  static DenseUnionVector denseUnion(BufferAllocator allocator, int seed) {
    DenseUnionVector vector = DenseUnionVector.empty("d", allocator);
    byte intId = vector.registerNewTypeId(Field.nullable("i", INT32));
    byte doubleId = vector.registerNewTypeId(Field.nullable("g", FLOAT64));
    vector.addVector(intId, new IntVector("i", allocator));
    vector.addVector(doubleId, new Float8Vector("g", allocator));
    for (int i = 0; i < SLOTS; i++) {
      vector.setTypeId(i, i % 2 == 0 ? intId : doubleId);
      if (i % 2 == 0) {
        vector.setSafe(i, intHolder(seed + i));
      } else {
        vector.setSafe(i, doubleHolder(seed + i));
      }
    }
    vector.setValueCount(SLOTS);
    return vector;
  }

  /** Run-end encoded int32: runs of 1, 2 and 3 values (logical length 6). */
  static RunEndEncodedVector runEndEncoded(BufferAllocator allocator, int seed) {
    Field field = new Field("r", FieldType.notNullable(ArrowType.RunEndEncoded.INSTANCE),
        List.of(Field.notNullable("run_ends", INT32), Field.nullable("values", INT32)));
    IntVector ends = new IntVector(field.getChildren().get(0), allocator);
    IntVector values = new IntVector(field.getChildren().get(1), allocator);
    RunEndEncodedVector vector = new RunEndEncodedVector(field, allocator, ends, values, null);
    int[] runEnds = {1, 3, 6};
    for (int k = 0; k < runEnds.length; k++) {
      ends.setSafe(k, runEnds[k]);
      values.setSafe(k, seed + k);
    }
    ends.setValueCount(3);
    values.setValueCount(3);
    vector.setValueCount(6);
    return vector;
  }

  private static NullableIntHolder intHolder(int value) {
    NullableIntHolder holder = new NullableIntHolder();
    holder.isSet = 1;
    holder.value = value;
    return holder;
  }

  private static NullableFloat8Holder doubleHolder(double value) {
    NullableFloat8Holder holder = new NullableFloat8Holder();
    holder.isSet = 1;
    holder.value = value;
    return holder;
  }
}
