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
 * The scan's state is one allocation, so a failed allocation (ENOMEM, the stream released) is a path
 * too. On a get_schema or get_next error it releases what it holds and returns that error.
 * Hooks: fixture_held_bytes and fixture_fail_allocation (fixture_memory.h), stream_consumer_drop,
 * and stream_consumer_rows_read: the rows the last scan read, for tests.
 */
#include <errno.h>

#include "arrow_ownership_kit.h"
#include "fixture_memory.h"

enum bug { NONE, KEEPS_LAST, KEEPS_SCHEMA, NEVER_RELEASES_STREAM, KEEPS_FIRST_BATCH, RELEASES_A_BATCH_TWICE };

struct scan {
  int64_t columns;
  int64_t batches;
  int64_t rows;
};

static int64_t rows_read;

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
static int keep(struct ArrowArray* array) {
  struct ArrowArray* storage = fixture_malloc(sizeof *storage);
  if (storage == NULL) {
    array->release(array);
    return ENOMEM;
  }
  stream_consumer_drop();
  *storage = *array;
  array->release = NULL;
  kept = storage;
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

static int read_batches(struct ArrowArrayStream* stream, struct scan* scan, enum bug bug) {
  for (;;) {
    struct ArrowArray array;
    int rc = stream->get_next(stream, &array);
    if (rc != 0 || array.release == NULL) { /* an error, or the end of the stream */
      return rc;
    }
    if (array.n_children != scan->columns) {
      array.release(&array);
      return EINVAL;
    }
    scan->rows += array.length;
    if (bug == KEEPS_LAST) {
      rc = keep(&array);
      if (rc != 0) {
        return rc;
      }
    } else {
      give_up_batch(&array, scan->batches, bug);
    }
    scan->batches++;
  }
}

static int read_stream(struct ArrowArrayStream* stream, enum bug bug) {
  struct scan* scan = fixture_calloc(sizeof *scan);
  struct ArrowSchema schema;
  int rc = scan == NULL ? ENOMEM : stream->get_schema(stream, &schema);
  if (rc == 0) {
    scan->columns = schema.n_children;
    if (bug != KEEPS_SCHEMA) {
      schema.release(&schema);
    }
    rc = read_batches(stream, scan, bug);
  }
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
