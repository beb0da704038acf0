package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A schema tree reads back with its names, flags, metadata, children and dictionary. */
class SchemaReadTest extends HandWrittenStructs {
  @Test
  void flagsMetadataAndExtensionNameAreRead() {
    long metadata = c.metadata(MetadataEntry.EXTENSION_NAME, "arrow.uuid",
        MetadataEntry.EXTENSION_METADATA, "", "k", "v1", "k", "v2");
    SchemaNode node = CDataReader.readSchema(c.schema("w:16", "id", 0, metadata, 0));
    assertThat(node.name()).isEqualTo("id");
    assertThat(node.nullable()).isFalse();
    assertThat(node.extensionName()).contains("arrow.uuid");
    assertThat(node.metadataValue(MetadataEntry.EXTENSION_METADATA)).contains("");
    assertThat(node.metadataValue("k")).contains("v1");
    assertThat(node.metadataValue("absent")).isEmpty();
    assertThat(node.metadata()).containsExactly(MetadataEntry.of(MetadataEntry.EXTENSION_NAME, "arrow.uuid"),
        MetadataEntry.of(MetadataEntry.EXTENSION_METADATA, ""), MetadataEntry.of("k", "v1"),
        MetadataEntry.of("k", "v2"));
    assertThat(node.type().fixedSize()).isEqualTo(16);
  }

  @Test
  void eachFlagIsItsOwnBit() {
    SchemaNode all = CDataReader.readSchema(c.schema("+m", "m", 7, 0, 0,
        c.schema("+s", "e", 0, 0, 0, c.schema("i", "k", 0, 0, 0), c.schema("i"))));
    assertThat(all.nullable()).isTrue();
    assertThat(all.dictionaryOrdered()).isTrue();
    assertThat(all.mapKeysSorted()).isTrue();
    SchemaNode none = CDataReader.readSchema(c.schema("i", null, 0, 0, 0));
    assertThat(none.nullable()).isFalse();
    assertThat(none.dictionaryOrdered()).isFalse();
    assertThat(none.mapKeysSorted()).isFalse();
    assertThat(none.name()).isNull();
    assertThat(none.metadata()).isEmpty();
    assertThat(none.extensionName()).isEmpty();
  }

  @Test
  void childrenAndDictionaryCarryTheirPaths() {
    SchemaNode node = CDataReader.readSchema(c.schema("+s", c.schema("i"), c.schema("s", "d", 2, 0, c.schema("u"))));
    assertThat(node.children()).extracting(SchemaNode::path)
        .containsExactly("schema.children[0]", "schema.children[1]");
    assertThat(node.children().get(1).dictionary().orElseThrow().path()).isEqualTo("schema.children[1].dictionary");
    assertThat(node.children().get(1).type().kind()).isEqualTo(TypeKind.INT16);
    assertThat(node.dictionary()).isEmpty();
  }

  @Test
  void metadataEntriesKeepTheirBytes() {
    MetadataEntry entry = new MetadataEntry("k".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 0});
    assertThat(entry.valueBytes()).containsExactly((byte) 0xff, 0);
    assertThat(entry.keyBytes()).containsExactly('k');
    assertThat(entry).isEqualTo(new MetadataEntry(new byte[] {'k'}, new byte[] {(byte) 0xff, 0}))
        .isNotEqualTo(new MetadataEntry(new byte[] {'k'}, new byte[] {(byte) 0xff}))
        .isNotEqualTo(new MetadataEntry(new byte[] {'j'}, new byte[] {(byte) 0xff, 0}))
        .isNotEqualTo("k");
    assertThat(entry.hashCode()).isEqualTo(new MetadataEntry(new byte[] {'k'}, new byte[] {(byte) 0xff, 0}).hashCode())
        .isNotEqualTo(MetadataEntry.of("k", "").hashCode());
    assertThat(MetadataEntry.of("a", "b")).hasToString("a=b");
    assertThat(List.of(TypeKind.values())).filteredOn(TypeKind::isInteger).hasSize(8);
  }
}
