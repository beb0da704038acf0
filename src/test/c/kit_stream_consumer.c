/*
 * Native consumers of an ArrowArrayStream. Each takes the stream's schema, reads every array to the
 * end of the stream (release == NULL after get_next), counting rows, and gives each result up; each
 * entry point is an arrow_ownership_stream_consumer, each broken one carries one bug:
 *   stream_consumer_read_all               conforming: releases the schema, each array and the
 *                                          stream, once each
 *   stream_consumer_keep_last              conforming: keeps the last array (moved into storage of
 *                                          its own) until stream_consumer_drop, the drop hook
 *   stream_consumer_keeps_schema           never releases the schema get_schema gave it (DuckDB's
 *                                          duckdb_arrow_scan had this leak: duckdb/duckdb#16050)
 *   stream_consumer_never_releases_stream  never releases the stream
 *   stream_consumer_keeps_first_batch      never releases the first array
 *   stream_consumer_releases_a_batch_twice releases the first array, then again through a copy
 * Every path of a scan goes through the same code, so a bug is on every stream that reaches it.
 *
 * What the conforming ones do on the way (C Stream Interface, and what Arrow C++'s reader does where
 * the spec is silent):
 *   - the schema and each array are checked before they are read (fixture_validate.h); one that is
 *     not valid is released (a successful get_schema or get_next made it the consumer's) and the
 *     scan ends with EINVAL;
 *   - the schema is held for the whole scan, to check each array against it, and released at its end;
 *   - out is marked released before each get_schema and get_next: whatever a failing call left live
 *     there is released once, as Arrow C++'s ArrayStreamReader does;
 *   - after a failing call, and only then ("must ONLY be called if the last operation ... returned an
 *     error"), get_last_error is read once and its text copied, before any other callback; NULL, which
 *     the spec allows, is no message (stream_consumer_last_error gives "");
 *   - a failed scan keeps nothing: stream_consumer_keep_last releases what it kept during it;
 *   - the stream is released once on every path, the error paths included.
 * The scan's state is one allocation, so a failed allocation (ENOMEM, the stream released) is a path
 * too. Hooks: fixture_held_bytes and fixture_fail_allocation (fixture_memory.h), stream_consumer_drop,
 * stream_consumer_rows_read (the rows the last successful scan read) and stream_consumer_last_error
 * (the stream's message for the last failure), for tests.
 */
#include <errno.h>

#include "arrow_ownership_kit.h"
#include "fixture_memory.h"
#include "fixture_validate.h"

enum bug { NONE, KEEPS_LAST, KEEPS_SCHEMA, NEVER_RELEASES_STREAM, KEEPS_FIRST_BATCH, RELEASES_A_BATCH_TWICE };

struct scan {
  int64_t batches;
  int64_t rows;
  int kept; /* KEEPS_LAST: this scan has moved an array into `kept` */
};

static int64_t rows_read;

/* The stream's get_last_error text after the last failed call, copied: its own is valid only until the next callback. */
static char last_error[256];

/* KEEPS_LAST: the last array read, moved here, owned until stream_consumer_drop. */
static struct ArrowArray* kept;

void stream_consumer_drop(void) {
  if (kept != NULL) {
    kept->release(kept);
    fixture_free(kept);
    kept = NULL;
  }
}

/* KEEPS_LAST: moves the array into storage of its own, releasing the one kept before. */
static int keep(struct ArrowArray* array, struct scan* scan) {
  struct ArrowArray* storage = fixture_malloc(sizeof *storage);
  if (storage == NULL) {
    array->release(array);
    return ENOMEM;
  }
  stream_consumer_drop();
  *storage = *array;
  array->release = NULL;
  kept = storage;
  scan->kept = 1;
  return 0;
}

static void give_up_batch(struct ArrowArray* array, int64_t index, enum bug bug) {
  struct ArrowArray copy = *array; /* RELEASES_A_BATCH_TWICE releases through it: a stale copy */
  if (index != 0 || bug != KEEPS_FIRST_BATCH) {
    array->release(array);
  }
  if (index == 0 && bug == RELEASES_A_BATCH_TWICE) {
    copy.release(&copy);
  }
}

/* Right after a call returned rc != 0: copies the stream's message (none when it gives NULL) and returns rc. */
static int failed_call(struct ArrowArrayStream* stream, int rc) {
  const char* message = stream->get_last_error == NULL ? NULL : stream->get_last_error(stream);
  strncpy(last_error, message == NULL ? "" : message, sizeof last_error - 1);
  last_error[sizeof last_error - 1] = '\0';
  return rc;
}

static int read_batches(struct ArrowArrayStream* stream, const struct ArrowSchema* schema, struct scan* scan,
    enum bug bug) {
  for (;;) {
    struct ArrowArray array;
    array.release = NULL; /* a failing get_next that writes nothing leaves nothing to release */
    int rc = stream->get_next(stream, &array);
    if (rc != 0) {
      failed_call(stream, rc); /* before anything else touches the stream */
      if (array.release != NULL) { /* filled, then failed: released here, once */
        array.release(&array);
      }
      return rc;
    }
    if (array.release == NULL) { /* the end of the stream */
      return 0;
    }
    if (fixture_validate_array(&array, schema) != 0) {
      array.release(&array);
      return EINVAL;
    }
    scan->rows += array.length;
    if (bug == KEEPS_LAST) {
      rc = keep(&array, scan);
      if (rc != 0) {
        return rc;
      }
    } else {
      give_up_batch(&array, scan->batches, bug);
    }
    scan->batches++;
  }
}

static int scan_stream(struct ArrowArrayStream* stream, struct scan* scan, enum bug bug) {
  struct ArrowSchema schema;
  schema.release = NULL;
  int rc = stream->get_schema(stream, &schema);
  if (rc != 0) {
    failed_call(stream, rc);
    if (schema.release != NULL) { /* the same as a failing get_next: what it left live is released */
      schema.release(&schema);
    }
    return rc;
  }
  rc = fixture_validate_schema(&schema);
  if (rc == 0) {
    rc = read_batches(stream, &schema, scan, bug);
  }
  if (bug != KEEPS_SCHEMA) {
    schema.release(&schema);
  }
  if (rc != 0 && scan->kept) { /* a failed scan has no result to keep */
    stream_consumer_drop();
  }
  return rc;
}

static int read_stream(struct ArrowArrayStream* stream, enum bug bug) {
  if (stream->release == NULL) {
    return EINVAL; /* released already: nothing to own, nothing to release */
  }
  struct scan* scan = fixture_calloc(sizeof *scan);
  int rc = scan == NULL ? ENOMEM : scan_stream(stream, scan, bug);
  if (rc == 0) {
    rows_read = scan->rows;
  }
  fixture_free(scan);
  if (bug != NEVER_RELEASES_STREAM) {
    stream->release(stream);
  }
  return rc;
}

int64_t stream_consumer_rows_read(void) { return rows_read; }

const char* stream_consumer_last_error(void) { return last_error; }

int stream_consumer_read_all(struct ArrowArrayStream* s) { return read_stream(s, NONE); }
int stream_consumer_keep_last(struct ArrowArrayStream* s) { return read_stream(s, KEEPS_LAST); }
int stream_consumer_keeps_schema(struct ArrowArrayStream* s) { return read_stream(s, KEEPS_SCHEMA); }
int stream_consumer_never_releases_stream(struct ArrowArrayStream* s) { return read_stream(s, NEVER_RELEASES_STREAM); }
int stream_consumer_keeps_first_batch(struct ArrowArrayStream* s) { return read_stream(s, KEEPS_FIRST_BATCH); }
int stream_consumer_releases_a_batch_twice(struct ArrowArrayStream* s) { return read_stream(s, RELEASES_A_BATCH_TWICE); }

FIXTURE_EXPORTS(stream_consumer_read_all, arrow_ownership_stream_consumer);
FIXTURE_EXPORTS(stream_consumer_drop, arrow_ownership_drop);
FIXTURE_EXPORTS(stream_consumer_keep_last, arrow_ownership_stream_consumer);
FIXTURE_EXPORTS(stream_consumer_keeps_schema, arrow_ownership_stream_consumer);
FIXTURE_EXPORTS(stream_consumer_never_releases_stream, arrow_ownership_stream_consumer);
FIXTURE_EXPORTS(stream_consumer_keeps_first_batch, arrow_ownership_stream_consumer);
FIXTURE_EXPORTS(stream_consumer_releases_a_batch_twice, arrow_ownership_stream_consumer);
