package dev.arrowownership.libraries.arrowcpp;

/**
 * Rules Arrow C++ (arrow-dataset 18.3.0) is observed to break, with what is known of the cause. The
 * tests that assert them fail once upstream behaves, so the expectation gets updated.
 */
final class ArrowCppFindings {
  /** A batch of length -1 makes the dataset writer block for ever, never releasing the stream or the batch. */
  static final String NEGATIVE_LENGTH_HANGS = "arrow-dataset 18.3.0 (Arrow C++ 21.0.0-SNAPSHOT):"
      + " ImportRecordBatch (cpp/src/arrow/c/bridge.cc) accepts length -1 (it only sizes buffers when length > 0),"
      + " and FileSystemDataset::Write then waits for ever in SerialExecutor::RunLoop; the dataset writer's row"
      + " throttle counts rows as uint64_t (dataset_writer.cc), the likely place; no upstream issue found";

  /** A scan whose first pool reservation is refused leaves 64 bytes in the pool for good. */
  static final String FAILED_SCAN_KEEPS_64_BYTES = "arrow-dataset 18.3.0 (Arrow C++ 21.0.0-SNAPSHOT): a scan that"
      + " fails on its first pool reservation leaves 64 bytes allocated in the listenable pool, still there after"
      + " later scans; the caller's array is left untouched; cause not traced; no upstream issue found";

  private ArrowCppFindings() {}
}
