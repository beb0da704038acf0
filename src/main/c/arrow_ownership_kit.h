/*
 * arrow_ownership_kit.h: what a native library exports to be checked by the arrow-ownership
 * conformance kit (the `check` command of the runnable jar, or dev.arrowownership.nativecode.NativeTarget).
 *
 * A library exports any of the four entry points below under names of its choice, and may export
 * the two hooks. Each entry point returns 0 on success or an errno value (EINVAL, ENOMEM, EIO, ...)
 * on failure; none may call exit() or abort() on bad input. The kit calls them from JVM threads,
 * possibly several times and from different threads, but never concurrently.
 *
 * Struct definitions and every rule the kit checks follow the Arrow C Data Interface and the Arrow
 * C Stream Interface:
 *   https://arrow.apache.org/docs/format/CDataInterface.html
 *   https://arrow.apache.org/docs/format/CStreamInterface.html
 * The definitions are the spec's, guarded by the spec's own macros, so this header can be included
 * after (or instead of) arrow/c/abi.h or nanoarrow.h.
 */
#ifndef ARROW_OWNERSHIP_KIT_H
#define ARROW_OWNERSHIP_KIT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*);
  void* private_data;
};

struct ArrowArray {
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*);
  void* private_data;
};

#endif /* ARROW_C_DATA_INTERFACE */

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
  int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
  int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
  const char* (*get_last_error)(struct ArrowArrayStream*);
  void (*release)(struct ArrowArrayStream*);
  void* private_data;
};

#endif /* ARROW_C_STREAM_INTERFACE */

/*
 * Producer (`--producer NAME`). The kit passes two released structs (release == NULL; their other
 * fields are unspecified). On success the library has filled both: each is a base structure the
 * kit now owns and releases exactly once, through its release callback, possibly on another thread.
 * On failure (non-zero return) each struct must be released (release == NULL) or untouched, and
 * nothing allocated for it may stay allocated.
 */
typedef int (*arrow_ownership_producer)(struct ArrowArray* out_array, struct ArrowSchema* out_schema);

/*
 * Consumer (`--consumer NAME`). The kit passes a live array and its schema. On success the library
 * owns both: it releases each base structure exactly once (it may move it first, and may do so
 * later, see arrow_ownership_drop), never a child or a dictionary on its own, and never touches a
 * struct after releasing or moving it away. A move is a copy followed by `src->release = NULL`
 * (without calling it): once the library is done (and its drop hook ran), a structure it released
 * through a copy must not still look live in the kit's struct
 * (required_consumer_marks_a_moved_struct_released). On failure too, once it has taken the structures, the
 * library releases each base structure exactly once before returning: the kit checks that
 * (required_consumer_releases_on_failure) and counts a structure left live as leaked. Input it
 * refuses before taking it (a structure already released, or one it cannot read: an unknown format,
 * a wrong buffer count, a negative length, a released child) it may instead leave untouched: the
 * caller still owns what is left live (required_consumer_invalid_input_released_exactly_once).
 * Releasing both or leaving both, never one of the two, is optional_consumer_rejects_invalid_input_whole.
 */
typedef int (*arrow_ownership_consumer)(struct ArrowArray* array, struct ArrowSchema* schema);

/*
 * Stream producer (`--stream-producer NAME`). The kit passes a stream struct that the library must
 * treat as uninitialised: it may hold anything, including a release callback that must not be
 * called. On success the library has filled it; the kit owns the stream and releases it once,
 * possibly on another thread, and before the schemas and arrays it yielded, which must outlive it.
 * With the fault hook bound, the kit makes allocations of the stream's first get_next fail and
 * reads get_last_error after the failure.
 */
typedef int (*arrow_ownership_stream_producer)(struct ArrowArrayStream* out);

/*
 * Stream consumer (`--stream-consumer NAME`). The kit passes a live stream. On success the library
 * owns it: it reads what it needs through get_schema and get_next, releases each schema and array
 * it receives exactly once, and releases the stream exactly once. On failure too, the library
 * releases the stream and everything it received from it exactly once before returning.
 */
typedef int (*arrow_ownership_stream_consumer)(struct ArrowArrayStream* stream);

/*
 * Optional hook (`--held-bytes NAME`): the bytes the library holds for data it produced and that
 * is not yet released, or for data it consumed and still keeps. The kit reads it before and after a
 * check: a producer's structs, once released, and a consumer's, once dropped, must bring it back.
 * It must be safe to call from any thread.
 */
typedef int64_t (*arrow_ownership_held_bytes)(void);

/*
 * Optional hook (`--fail-allocation NAME`): fault injection. A call with k >= 0 arms the hook so
 * that allocation number k (counted from 0, from this call on) fails as if out of memory, once; a
 * call with k < 0 disarms it. Every call returns 1 if the failure armed by the previous call
 * happened since then, and 0 otherwise (the kit stops sweeping k when an armed failure no longer
 * happens). With it, a producer's and a consumer's failure paths are checked: after each failed
 * allocation the entry point must return an error (or succeed without that allocation) and leave
 * ownership as described above.
 */
typedef int (*arrow_ownership_fail_allocation)(int64_t k);

/*
 * Optional hook (`--drop NAME`): release everything the library kept from the batches and streams
 * it consumed. A consumer that keeps data (a table, a cache) exports it so the kit can check that
 * what it kept is released exactly once; a consumer that keeps nothing needs none.
 */
typedef void (*arrow_ownership_drop)(void);

#ifdef __cplusplus
}
#endif

#endif /* ARROW_OWNERSHIP_KIT_H */
