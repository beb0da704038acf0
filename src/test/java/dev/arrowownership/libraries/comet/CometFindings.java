package dev.arrowownership.libraries.comet;

/**
 * Rules DataFusion Comet is observed to break, with where the cause lies upstream. The tests that
 * assert them fail once upstream behaves, so the expectation gets updated.
 */
final class CometFindings {
  /** Comet's columnar-to-row converter copies the caller's structs without marking them released. */
  static final String ROW_CONVERTER_MOVE_LEAVES_SOURCE_LIVE = "DataFusion Comet 1.2.0:"
      + " Java_org_apache_comet_Native_columnarToRowConvert (native/core/src/execution/jni_api.rs) takes each"
      + " column with std::ptr::read of the caller's FFI_ArrowArray and FFI_ArrowSchema, a bitwise copy that"
      + " never sets the source's release to NULL (arrow-rs's FFI_ArrowArray::from_raw, std::ptr::replace with"
      + " an empty struct, would), then releases the copies; the caller's structs still look live after they"
      + " were released; no upstream issue found";

  /** Comet's columnar-to-row converter reads a batch whose child is already released. */
  static final String ROW_CONVERTER_READS_RELEASED_CHILD = "DataFusion Comet 1.2.0: columnarToRowConvert"
      + " imports with arrow-rs's from_ffi, which does not check a child's release for NULL (the spec: consumers"
      + " SHOULD check for a NULL release callback), so it converts a batch with a released column; no upstream"
      + " issue found";

  private CometFindings() {}
}
