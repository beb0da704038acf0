package dev.arrowownership.libraries;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.SchemaNode;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.cdata.TypeKind;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutSource;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DuckDB over every type family: {@code registerArrowStream} as a stream consumer of a stream of each
 * generated family, and DuckDB's Arrow export as a producer of a query result of each DuckDB type,
 * every cell of the rule x family tables measured here and held to {@code docs/conformance/duckdb.md}.
 */
class DuckDbFamiliesTest {
  private static final String FILE = "duckdb.md";
  /** Reads every value of every column, so the scan converts each array (count(*) alone would project none). */
  static final String READ_ALL = "SELECT count(*), max(length(CAST(COLUMNS(*) AS VARCHAR))) FROM kit_stream";
  private static final String SCHEMA_CHILDREN = "the schema's children are never released by its release (finding 1)";

  /** Families whose scan can crash the JVM: checked in JVMs of their own by {@code DuckDbListViewCrashTest}. */
  static final Set<TypeKind> CRASHING = EnumSet.of(TypeKind.LIST_VIEW, TypeKind.LARGE_LIST_VIEW);
  private static final String CRASH = "**finding**: overlapping views make the scan read past the child and can crash"
      + " the JVM (duckdb/duckdb#24483); run in JVMs of their own by `DuckDbListViewCrashTest`";

  private static DuckDbSession duck;

  private final RootAllocator allocator = new RootAllocator();
  private final StructMemory structs = new StructMemory(allocator);

  @BeforeAll
  static void openDuckDb() throws SQLException {
    duck = DuckDbSession.openOrSkip();
  }

  @AfterAll
  static void closeDuckDb() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  @AfterEach
  void close() {
    structs.close();
    allocator.close();
  }

  /** {@code registerArrowStream} and a scan reading every value, over a stream of each family as the only column. */
  @Test
  void registerArrowStreamOverEveryFamily() throws SQLException {
    String version = duck.versions();
    FamilyTable table = new FamilyTable(Map.of());
    FamilyBatches.asColumn(0).forEach((kind, batch) -> {
      if (CRASHING.contains(kind)) {
        table.addUniform(kind.label(), CRASH);
      } else {
        addStreamRow(table, kind.label(), version, batch);
      }
    });
    addStreamRow(table, "int32, the record batch sliced (offset 1)", version, FamilyBatches.asColumn(1).get(TypeKind.INT32));
    table.assertDocumented(FILE, "duckdb-stream-consumer", "family");
  }

  private static void addStreamRow(FamilyTable table, String family, String version, LayoutBatch batch) {
    Verdict verdict = ConformanceKit.checkStreamConsumer(version + " registerArrowStream " + batch,
        DuckDbTargets.streamConsumer(READ_ALL), new LayoutSource(batch));
    table.add(family, verdict);
  }

  /** DuckDB's export of a 5-row result of each DuckDB type (made from a column with one NULL), the row naming the family it exports. */
  @Test
  void exportOverEveryDuckDbType() throws Exception {
    FamilyTable table = new FamilyTable(Map.of(Rule.REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN, SCHEMA_CHILDREN,
        Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD, SCHEMA_CHILDREN));
    for (Map.Entry<String, String> type : DUCKDB_TYPES.entrySet()) {
      String sql = "SELECT " + type.getValue() + " AS v FROM (SELECT CASE WHEN r = 1 THEN NULL ELSE r END AS i FROM range(5) t(r))";
      DuckDbTargets.StreamExport export = () -> duck.exportStream(sql, 1024);
      Verdict verdict = ConformanceKit.checkProducer(duck.versions() + " " + type.getKey(),
          DuckDbTargets.producer(structs, export));
      table.add("`" + type.getKey() + "` as " + exportedFamily(export), verdict);
    }
    table.assertDocumented(FILE, "duckdb-export", "DuckDB type as exported");
  }

  /** The family of the only column DuckDB exports for {@code export}'s query, with its dictionary's if encoded. */
  private String exportedFamily(DuckDbTargets.StreamExport export) throws Exception {
    var array = structs.array();
    var schema = structs.schema();
    DuckDbTargets.producer(structs, export).produce(array.memoryAddress(), schema.memoryAddress());
    try {
      SchemaNode column = CDataReader.readSchema(schema.memoryAddress()).children().get(0);
      return column.type().kind().label() + " `" + column.format() + "`"
          + column.dictionary().map(d -> ", dictionary of " + d.type().kind().label()).orElse("");
    } finally {
      array.release();
      schema.release();
    }
  }

  /** A SQL expression of each DuckDB type over {@code i} (0, NULL, 2, 3, 4). */
  private static final Map<String, String> DUCKDB_TYPES = new LinkedHashMap<>();

  static {
    DUCKDB_TYPES.put("BOOLEAN", "i % 2 = 0");
    for (String integer : new String[] {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
        "UINTEGER", "UBIGINT", "UHUGEINT"}) {
      DUCKDB_TYPES.put(integer, "i::" + integer);
    }
    DUCKDB_TYPES.put("FLOAT", "(i / 2)::FLOAT");
    DUCKDB_TYPES.put("DOUBLE", "(i / 2)::DOUBLE");
    DUCKDB_TYPES.put("DECIMAL(4,1)", "(i / 2)::DECIMAL(4,1)");
    DUCKDB_TYPES.put("DECIMAL(18,3)", "(i / 2)::DECIMAL(18,3)");
    DUCKDB_TYPES.put("DECIMAL(38,10)", "(i / 2)::DECIMAL(38,10)");
    DUCKDB_TYPES.put("DATE", "DATE '2024-01-01' + i::INTEGER");
    DUCKDB_TYPES.put("TIME", "TIME '12:00:00' + INTERVAL (i) SECOND");
    DUCKDB_TYPES.put("TIMESTAMP", "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) HOUR");
    DUCKDB_TYPES.put("TIMESTAMPTZ", "TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i) HOUR");
    DUCKDB_TYPES.put("INTERVAL", "INTERVAL (i) DAY");
    DUCKDB_TYPES.put("VARCHAR", "'value-' || i");
    DUCKDB_TYPES.put("BLOB", "('blob-' || i)::BLOB");
    DUCKDB_TYPES.put("UUID", "('00000000-0000-0000-0000-00000000000' || i)::UUID");
    DUCKDB_TYPES.put("INTEGER[] (LIST)", "[i, i + 1]");
    DUCKDB_TYPES.put("INTEGER[2] (ARRAY)", "[i, i + 1]::INTEGER[2]");
    DUCKDB_TYPES.put("STRUCT(a INTEGER, b VARCHAR)", "{'a': i::INTEGER, 'b': 'x' || i}");
    DUCKDB_TYPES.put("MAP(INTEGER, VARCHAR)", "MAP([coalesce(i, 0)::INTEGER], ['v' || i])");
    DUCKDB_TYPES.put("UNION(n INTEGER, s VARCHAR)", "union_value(n := i::INTEGER)::UNION(n INTEGER, s VARCHAR)");
    DUCKDB_TYPES.put("ENUM('a', 'b')", "(CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END)::ENUM('a', 'b')");
  }
}
