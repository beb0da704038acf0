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

  private KnownFindings() {}
}
