/*
 * C Stream Interface producers for the kit's stream producer rules: one that keeps every required
 * rule and four broken ones, each with one bug. Built into target/native/ by src/test/native/build.sh
 * and checked through NativeTarget (NativeStreamProducersTest).
 *
 * Each stream yields three batches of struct<x: int32>, three rows each (batch b holds 10b, 10b + 1,
 * 10b + 2), then the end. Every block comes from take(), which counts the bytes held and fails
 * when the fault hook says so.
 *
 *   stream_produce                      conforming: out treated as uninitialised (written over, never
 *                                       read), each result released on its own, errors returned as
 *                                       errno with a message kept until the stream's next callback
 *   stream_produce_releases_out         broken: calls the release it finds in out first
 *   stream_produce_leaks_private_data   broken: the stream's release never frees its private data
 *   stream_produce_live_after_end       broken: get_next after the end starts over with a live batch
 *   stream_produce_error_freed          broken: get_last_error returns a copy it has already freed
 *   stream_held_bytes                   bytes held for streams and batches not yet released
 *   stream_fail_allocation              the fault hook of arrow_ownership_kit.h
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arrow_ownership_kit.h"

enum variant { CONFORMING, LEAKS_PRIVATE_DATA, LIVE_AFTER_END, ERROR_FREED };

#define BATCHES 3
#define ROWS 3

static int64_t held; /* updated atomically: releases may run on any thread */
static int64_t fail_countdown = -1; /* the kit arms and disarms between calls, never concurrently */
static int failed;

/* Every block starts with its size, so give_back() can count it out again. */
struct header { int64_t size; int64_t pad; };

static void* take(size_t size) {
  if (fail_countdown >= 0 && fail_countdown-- == 0) {
    failed = 1;
    return NULL;
  }
  struct header* block = malloc(sizeof(struct header) + size);
  if (block == NULL) return NULL;
  block->size = (int64_t) size;
  __atomic_fetch_add(&held, block->size, __ATOMIC_SEQ_CST);
  return block + 1;
}

/* Not inlined: the compiler must not see the block it frees (ERROR_FREED returns it on purpose). */
__attribute__((noinline)) static void give_back(void* data) {
  if (data == NULL) return;
  struct header* block = (struct header*) data - 1;
  __atomic_fetch_sub(&held, block->size, __ATOMIC_SEQ_CST);
  free(block);
}

static char* copy_text(const char* text) {
  char* copy = take(strlen(text) + 1);
  if (copy != NULL) strcpy(copy, text);
  return copy;
}

struct state { enum variant variant; int next; int ended; char* last_error; };

/* ---- the schema: struct<x: int32>, one block for the child and the children array ---- */

struct schema_block { struct ArrowSchema child; struct ArrowSchema* children[1]; };

static void release_child_schema(struct ArrowSchema* schema) { schema->release = NULL; }

static void release_schema(struct ArrowSchema* schema) {
  struct schema_block* block = schema->private_data;
  if (block->child.release != NULL) block->child.release(&block->child);
  give_back(block);
  schema->release = NULL;
}

/* ---- a batch: one block for the child, the children array, both buffer arrays and the values ---- */

struct batch_block {
  struct ArrowArray child; struct ArrowArray* children[1];
  const void* parent_buffers[1]; const void* child_buffers[2]; int32_t values[ROWS];
};

static void release_child_array(struct ArrowArray* array) { array->release = NULL; }

static void release_batch(struct ArrowArray* array) {
  struct batch_block* block = array->private_data;
  if (block->child.release != NULL) block->child.release(&block->child);
  give_back(block);
  array->release = NULL;
}

/* ---- the stream ---- */

static int fail(struct state* state, int code, const char* message) {
  give_back(state->last_error);
  state->last_error = copy_text(message);
  return code;
}

static int get_schema(struct ArrowArrayStream* stream, struct ArrowSchema* out) {
  struct state* state = stream->private_data;
  give_back(state->last_error); /* valid until the next callback: this one */
  state->last_error = NULL;
  struct schema_block* block = take(sizeof *block);
  if (block == NULL) return fail(state, ENOMEM, "get_schema: out of memory");
  block->child = (struct ArrowSchema) {"i", "x", NULL, ARROW_FLAG_NULLABLE, 0, NULL, NULL, release_child_schema, NULL};
  block->children[0] = &block->child;
  *out = (struct ArrowSchema) {"+s", "", NULL, 0, 1, block->children, NULL, release_schema, block};
  return 0;
}

static int get_next(struct ArrowArrayStream* stream, struct ArrowArray* out) {
  struct state* state = stream->private_data;
  give_back(state->last_error);
  state->last_error = NULL;
  if (state->next == BATCHES) {
    if (state->variant == LIVE_AFTER_END && state->ended) {
      state->next = 0; /* the bug: starts over instead of ending again */
    } else {
      state->ended = 1;
      out->release = NULL; /* the end: a released array */
      return 0;
    }
  }
  struct batch_block* block = take(sizeof *block);
  if (block == NULL) return fail(state, ENOMEM, "get_next: out of memory (allocation failed)");
  for (int row = 0; row < ROWS; row++) block->values[row] = 10 * state->next + row;
  block->child_buffers[0] = NULL; /* no nulls */
  block->child_buffers[1] = block->values;
  block->parent_buffers[0] = NULL;
  block->child = (struct ArrowArray) {ROWS, 0, 0, 2, 0, block->child_buffers, NULL, NULL, release_child_array, NULL};
  block->children[0] = &block->child;
  *out = (struct ArrowArray) {ROWS, 0, 0, 1, 1, block->parent_buffers, block->children, NULL, release_batch, block};
  state->next++;
  return 0;
}

static const char* get_last_error(struct ArrowArrayStream* stream) {
  struct state* state = stream->private_data;
  if (state->variant == ERROR_FREED && state->last_error != NULL) {
    char* copy = copy_text(state->last_error);
    give_back(copy); /* the bug, as `return std::string(message).c_str();` has it */
    return copy;
  }
  return state->last_error;
}

static void release_stream(struct ArrowArrayStream* stream) {
  struct state* state = stream->private_data;
  if (state->variant != LEAKS_PRIVATE_DATA) {
    give_back(state->last_error);
    give_back(state);
  }
  stream->release = NULL;
}

static int produce(struct ArrowArrayStream* out, enum variant variant) {
  struct state* state = take(sizeof *state);
  if (state == NULL) return ENOMEM;
  *state = (struct state) {variant, 0, 0, NULL};
  /* out is uninitialised: every field is written, none is read. */
  *out = (struct ArrowArrayStream) {get_schema, get_next, get_last_error, release_stream, state};
  return 0;
}

int stream_produce(struct ArrowArrayStream* out) { return produce(out, CONFORMING); }

int stream_produce_releases_out(struct ArrowArrayStream* out) {
  if (out->release != NULL) out->release(out); /* the bug: the old content is not this producer's */
  return produce(out, CONFORMING);
}

int stream_produce_leaks_private_data(struct ArrowArrayStream* out) { return produce(out, LEAKS_PRIVATE_DATA); }

int stream_produce_live_after_end(struct ArrowArrayStream* out) { return produce(out, LIVE_AFTER_END); }

int stream_produce_error_freed(struct ArrowArrayStream* out) { return produce(out, ERROR_FREED); }

int64_t stream_held_bytes(void) { return __atomic_load_n(&held, __ATOMIC_SEQ_CST); }

int stream_fail_allocation(int64_t k) {
  int happened = failed;
  failed = 0;
  fail_countdown = k < 0 ? -1 : k;
  return happened;
}
