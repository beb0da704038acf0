/*
 * Targets for the command-line checker's tests, written against arrow_ownership_kit.h: each entry
 * point returns 0 or an errno, as the header's types say. Built into target/native/libcli_targets.so
 * by src/test/native/build.sh (run by Maven before the tests).
 *
 *   cli_produce                     producer, conforming: a plain int32 array [1, 2, 3]
 *   cli_produce_release_not_nulled  producer, broken: the array's release never sets release to NULL
 *   cli_held_bytes                  held-bytes hook: bytes held for arrays not yet released
 *   cli_consume                     consumer, conforming: releases both base structs once; refuses a batch
 *                                   it cannot read (fixture_validate.h) with EINVAL, both structs untouched
 *   cli_consume_refusing            consumer, conforming: holds no batch at all; refuses every valid one
 *                                   with ENOTSUP, having released both base structs once (an invalid one
 *                                   as cli_consume does)
 *   cli_consume_int32s              consumer, conforming: holds a plain int32 array, or a struct of int32
 *                                   children only; refuses every other valid batch with ENOTSUP, having
 *                                   released both base structs once (an invalid one as cli_consume does)
 *   cli_consume_leaking_run_ends    consumer, broken on one family only: as cli_consume, but takes a run-end
 *                                   encoded (+r) batch and never releases its array
 *   cli_consume_stream              stream consumer, conforming: reads the schema and every array, releases
 *                                   each once, then the stream; releases what a failing get_next left in out
 *   cli_sum_first_row               not an entry point: it takes a table of rows (int32_t**), so bound as a
 *                                   consumer it reads the array's length as a pointer and crashes at once
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arrow_ownership_kit.h"
#include "fixture_validate.h"

/* Everything one array points to, in one block: private_data, freed by the array's release. */
struct block { const void* buffers[2]; int32_t values[3]; };

static int64_t held; /* updated atomically: release may run on any thread */

/* format and name are static strings: nothing to free. */
static void release_schema(struct ArrowSchema* schema) { schema->release = NULL; }

static void free_block(struct ArrowArray* array) {
  free(array->private_data);
  __atomic_fetch_sub(&held, (int64_t) sizeof(struct block), __ATOMIC_SEQ_CST);
}

static void release_array(struct ArrowArray* array) { free_block(array); array->release = NULL; }

static void release_array_not_nulled(struct ArrowArray* array) { free_block(array); /* missing: release = NULL */ }

static int produce(struct ArrowArray* array, struct ArrowSchema* schema, void (*release)(struct ArrowArray*)) {
  struct block* b = malloc(sizeof *b);
  if (b == NULL) return ENOMEM; /* both structs untouched, as the header asks of a failure */
  *b = (struct block) {{NULL, b->values}, {1, 2, 3}};
  __atomic_fetch_add(&held, (int64_t) sizeof *b, __ATOMIC_SEQ_CST);
  *schema = (struct ArrowSchema) {"i", "value", NULL, 0, 0, NULL, NULL, release_schema, NULL};
  *array = (struct ArrowArray) {3, 0, 0, 2, 0, b->buffers, NULL, NULL, release, b};
  return 0;
}

int cli_produce(struct ArrowArray* out_array, struct ArrowSchema* out_schema) {
  return produce(out_array, out_schema, release_array);
}

int cli_produce_release_not_nulled(struct ArrowArray* out_array, struct ArrowSchema* out_schema) {
  return produce(out_array, out_schema, release_array_not_nulled);
}

int64_t cli_held_bytes(void) { return __atomic_load_n(&held, __ATOMIC_SEQ_CST); }

int cli_consume(struct ArrowArray* array, struct ArrowSchema* schema) {
  /* Refused before it is taken (a released struct, or one it cannot read): both left to the caller. */
  if (fixture_validate_batch(array, schema) != 0) return EINVAL;
  /* The consumer owns both base structs now: release each once, never a child on its own. */
  array->release(array);
  schema->release(schema);
  return 0;
}

int cli_consume_refusing(struct ArrowArray* array, struct ArrowSchema* schema) {
  if (fixture_validate_batch(array, schema) != 0) return EINVAL;
  /* Valid, but not a type this consumer holds: released as the spec asks of a struct it won't use. */
  array->release(array);
  schema->release(schema);
  return ENOTSUP;
}

/* A plain int32 (format "i", not dictionary-encoded): the one type cli_consume_int32s reads. */
static int is_int32(const struct ArrowSchema* schema) {
  return strcmp(schema->format, "i") == 0 && schema->dictionary == NULL;
}

/* A plain int32 array, or a struct whose every child is one. */
static int holds_int32s(const struct ArrowSchema* schema) {
  if (is_int32(schema)) return 1;
  if (strcmp(schema->format, "+s") != 0 || schema->dictionary != NULL) return 0;
  for (int64_t i = 0; i < schema->n_children; i++) {
    if (!is_int32(schema->children[i])) return 0;
  }
  return 1;
}

int cli_consume_int32s(struct ArrowArray* array, struct ArrowSchema* schema) {
  if (fixture_validate_batch(array, schema) != 0) return EINVAL;
  int held_type = holds_int32s(schema); /* read before the release: the schema is gone after it */
  array->release(array);
  schema->release(schema);
  return held_type ? 0 : ENOTSUP;
}

/*
 * A run-end encoded batch (format "+r" at the top), both base structs live. fixture_validate.h does
 * not know the type, so this consumer takes it on these fields alone, without reading further.
 */
static int is_run_end_encoded(const struct ArrowArray* array, const struct ArrowSchema* schema) {
  return array != NULL && schema != NULL && array->release != NULL && schema->release != NULL
      && schema->format != NULL && strcmp(schema->format, "+r") == 0;
}

int cli_consume_leaking_run_ends(struct ArrowArray* array, struct ArrowSchema* schema) {
  if (is_run_end_encoded(array, schema)) {
    schema->release(schema);
    return 0; /* the bug: the array, owned since the call, is never released */
  }
  return cli_consume(array, schema);
}

int cli_consume_stream(struct ArrowArrayStream* stream) {
  if (stream->release == NULL) return EINVAL; /* nothing to own */
  struct ArrowSchema schema;
  int errno_value = stream->get_schema(stream, &schema);
  if (errno_value == 0) {
    schema.release(&schema);
    for (;;) {
      struct ArrowArray array;
      array.release = NULL; /* a failing get_next may leave it so, or fill it: see below */
      errno_value = stream->get_next(stream, &array);
      if (errno_value != 0 && array.release != NULL) array.release(&array); /* filled, then failed */
      if (errno_value != 0 || array.release == NULL) break; /* an error, or the end of the stream */
      array.release(&array);
    }
  }
  stream->release(stream); /* owned since the call: released once, on the error path too */
  return errno_value;
}

/* A function of another library's API that a user may name by mistake. */
int cli_sum_first_row(const int32_t** rows) { return rows[0][0]; }
