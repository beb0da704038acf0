/*
 * A C Data Interface producer of a plain int32 array (no struct at the top: the spec allows any
 * array there): [7, null, 9, 10], sliced at offset 1 out of 5 values, with a validity bitmap.
 * Built into target/native/ by src/test/native/build.sh (run by Maven before the tests) and called
 * through JNA by PlainInt32Producer.
 *
 *   plain_int32_produce                     conforming
 *   plain_int32_produce_release_not_nulled  broken: the array's release never sets release to NULL
 *   plain_int32_held_bytes                  bytes held for arrays not yet released
 */
#include <stdint.h>
#include <stdlib.h>

struct ArrowSchema {
  const char* format; const char* name; const char* metadata; int64_t flags; int64_t n_children;
  struct ArrowSchema** children; struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*); void* private_data;
};
struct ArrowArray {
  int64_t length; int64_t null_count; int64_t offset; int64_t n_buffers; int64_t n_children;
  const void** buffers; struct ArrowArray** children; struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*); void* private_data;
};

/* Everything one array points to, in one block: private_data, freed by the array's release. */
struct block { const void* buffers[2]; uint8_t validity[8]; int32_t values[5]; };

static int64_t held; /* updated atomically: release may run on any thread */

/* format and name are static strings: nothing to free. */
static void release_schema(struct ArrowSchema* schema) { schema->release = NULL; }

static void free_block(struct ArrowArray* array) {
  free(array->private_data);
  __atomic_fetch_sub(&held, (int64_t) sizeof(struct block), __ATOMIC_SEQ_CST);
}

static void release_array(struct ArrowArray* array) { free_block(array); array->release = NULL; }

static void release_array_not_nulled(struct ArrowArray* array) { free_block(array); /* missing: release = NULL */ }

static void produce(struct ArrowArray* array, struct ArrowSchema* schema, void (*release)(struct ArrowArray*)) {
  struct block* b = malloc(sizeof *b);
  if (b == NULL) abort(); /* a void produce() has no error path; the tests never run out of memory */
  /* Slots 1..4 are the logical [7, null, 9, 10]; validity bits 0, 1, 3, 4 set (0x1B), bit 2 the null. */
  *b = (struct block) {{b->validity, b->values}, {0x1B}, {6, 7, 0, 9, 10}};
  __atomic_fetch_add(&held, (int64_t) sizeof *b, __ATOMIC_SEQ_CST);
  *schema = (struct ArrowSchema) {"i", "plain", NULL, 2 /* nullable */, 0, NULL, NULL, release_schema, NULL};
  *array = (struct ArrowArray) {4, 1, 1, 2, 0, b->buffers, NULL, NULL, release, b};
}

void plain_int32_produce(struct ArrowArray* array, struct ArrowSchema* schema) {
  produce(array, schema, release_array);
}

void plain_int32_produce_release_not_nulled(struct ArrowArray* array, struct ArrowSchema* schema) {
  produce(array, schema, release_array_not_nulled);
}

int64_t plain_int32_held_bytes(void) { return __atomic_load_n(&held, __ATOMIC_SEQ_CST); }
