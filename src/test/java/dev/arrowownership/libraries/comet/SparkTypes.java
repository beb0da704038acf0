package dev.arrowownership.libraries.comet;

import org.apache.comet.serde.Types.DataType;
import org.apache.comet.serde.Types.DataType.DataTypeId;
import org.apache.comet.serde.Types.DataType.DataTypeInfo;
import org.apache.comet.serde.Types.DataType.ListInfo;
import org.apache.comet.serde.Types.DataType.StructInfo;

/**
 * Spark data types in Comet's serialised form (its {@code types.proto}, built with the protobuf classes
 * bundled in Comet's jar), as Comet's columnar-to-row converter is told the columns it will read.
 */
final class SparkTypes {
  private SparkTypes() {}

  /**
   * The kit's generated batch as one Spark struct column: {@code id int, name string, point struct<x int,
   * label string>, tags array<int>, color string} (Comet's converter casts a dictionary-encoded array to
   * the plain type its schema asks for).
   */
  static byte[] generatedBatch() {
    DataType point = struct(new String[] {"x", "label"}, plain(DataTypeId.INT32), plain(DataTypeId.STRING));
    DataType tags = DataType.newBuilder().setTypeId(DataTypeId.LIST)
        .setTypeInfo(DataTypeInfo.newBuilder().setList(ListInfo.newBuilder()
            .setElementType(plain(DataTypeId.INT32)).setContainsNull(true)))
        .build();
    return struct(new String[] {"id", "name", "point", "tags", "color"},
        plain(DataTypeId.INT32), plain(DataTypeId.STRING), point, tags, plain(DataTypeId.STRING)).toByteArray();
  }

  private static DataType plain(DataTypeId id) {
    return DataType.newBuilder().setTypeId(id).build();
  }

  private static DataType struct(String[] names, DataType... fields) {
    StructInfo.Builder struct = StructInfo.newBuilder();
    for (int i = 0; i < names.length; i++) {
      struct.addFieldNames(names[i]).addFieldDatatypes(fields[i]).addFieldNullable(true);
    }
    return DataType.newBuilder().setTypeId(DataTypeId.STRUCT).setTypeInfo(DataTypeInfo.newBuilder().setStruct(struct)).build();
  }
}
