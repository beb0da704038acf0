package dev.arrowownership.libraries;

/**
 * Rules the real libraries under test are observed to break, with where the cause lies upstream.
 * The tests that assert them fail once upstream behaves, so the expectation gets updated.
 */
final class KnownFindings {
  /** DuckDB's schema release frees child and dictionary schemas without calling their release. */
  static final String DUCKDB_SCHEMA_CHILDREN = "DuckDB v1.5.2: ReleaseDuckDBArrowSchema"
      + " (src/common/arrow/arrow_converter.cpp) deletes the holder that owns the child and dictionary"
      + " schemas without calling their release callbacks (InitializeChild: \"Child is cleaned up by parent\");"
      + " arrays were changed to release their children in duckdb/duckdb#9254, schemas were not;"
      + " no upstream issue found";

  /** Arrow Java's importer loses the array when an allocation fails part way through an import. */
  static final String ARROW_JAVA_IMPORT_ALLOCATION_FAILURE = "Arrow Java 19.0.0: apache/arrow-java#1239"
      + " (fixed by apache/arrow-java#1240, after 19.0.0): ReferenceCountedArrowArray.unsafeAssociateAllocation"
      + " retains before wrapForeignAllocation, so a failed allocation leaves the count above 0 and the moved"
      + " array's release is never called";

  /** Arrow Java's stream reader closes its array struct while the batch in it is still live. */
  static final String ARROW_JAVA_STREAM_READER_CLOSES_LIVE_BATCH = "Arrow Java 19.0.0 (unchanged on main as of"
      + " July 2026): ArrowArrayStreamReader.loadNextBatch holds the batch from get_next in a try-with-resources"
      + " ArrowArray; when reading the schema or allocating the importer's struct fails, close() frees the struct"
      + " with the batch still live, so its release is never called; no upstream issue found";

  /** Arrow Java's exporters leave a parent live when exporting one of its children fails. */
  static final String ARROW_JAVA_EXPORT_FAILURE_LEAVES_PARENT_LIVE = "Arrow Java 19.0.0 (unchanged on main as of"
      + " November 2026): SchemaExporter.export and ArrayExporter.export set a parent's release (exportSchema,"
      + " exportArray) before exporting its children, and Data.exportVectorSchemaRoot exports the schema before the"
      + " array, so a failure after that (an allocation, a missing dictionary) leaves the caller's struct live;"
      + " StructVectorLoader.load never closes the vector it fails to load, leaking the batch's buffers; no upstream"
      + " issue found";

  /** Arrow Java's importers drop the vector or root they were importing into when the import fails. */
  static final String ARROW_JAVA_IMPORT_FAILURE_DROPS_ITS_VECTOR = "Arrow Java 19.0.0 (unchanged on main as of"
      + " November 2026): Data.importVectorSchemaRoot never closes the root it failed to load, Data.importVector the"
      + " vector it failed to import into; the buffers already imported keep the moved array's reference count above"
      + " 0, so its release is never called; no arrow-java issue found (datafusion-comet fixed the same pattern in its"
      + " own copy of the importer, apache/datafusion-comet#5539)";

  private KnownFindings() {}
}
