/*
 * A C Data Interface producer with a fault hook (arrow_ownership_kit.h): it exports the int32 array
 * [1, 2, 3] and its schema, making three allocations, any of which the kit can make fail. Built into
 * target/native/ by src/test/native/build.sh and bound through NativeTarget by
 * FailingNativeProducerTest.
 *
 *   failing_producer_produce              conforming: builds everything into its own memory first and
 *                                         fills the caller's structs last; on a failed allocation it
 *                                         frees what it built and returns ENOMEM, both structs untouched
 *   failing_producer_produce_schema_first broken: makes the schema live before allocating the array,
 *                                         and returns ENOMEM with the schema still live when that fails
 *   failing_producer_held_bytes           bytes held for structs not yet released
 *   failing_producer_fail_allocation      the fault hook
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arrow_ownership_kit.h"

static int64_t held;          /* updated atomically: release may run on any thread */
static int64_t countdown = -1; /* allocations left before the armed one fails; -1: disarmed */
static int fired;              /* the armed failure happened since the hook was last called */

/* Every block starts with its size, so that free_block can give the bytes back. */
static void* alloc_block(size_t size) {
  if (countdown == 0) {
    countdown = -1;
    fired = 1;
    return NULL;
  }
  if (countdown > 0) {
    countdown--;
  }
  int64_t* block = malloc(sizeof(int64_t) + size);
  if (block == NULL) return NULL;
  block[0] = (int64_t) size;
  __atomic_fetch_add(&held, block[0], __ATOMIC_SEQ_CST);
  return block + 1;
}

static void free_block(void* data) {
  if (data == NULL) return;
  int64_t* block = (int64_t*) data - 1;
  __atomic_fetch_sub(&held, block[0], __ATOMIC_SEQ_CST);
  free(block);
}

int failing_producer_fail_allocation(int64_t k) {
  int happened = fired;
  fired = 0;
  countdown = k >= 0 ? k : -1;
  return happened;
}

int64_t failing_producer_held_bytes(void) { return __atomic_load_n(&held, __ATOMIC_SEQ_CST); }

/* The schema's private_data is its name, the one block it owns. */
static void release_schema(struct ArrowSchema* schema) {
  free_block(schema->private_data);
  schema->release = NULL;
}

/* The array's private_data is its buffers array; buffers[1] is the values block. */
static void release_array(struct ArrowArray* array) {
  const void** buffers = array->private_data;
  free_block((void*) buffers[1]);
  free_block(buffers);
  array->release = NULL;
}

/* One allocation for the schema: its name. */
static char* new_name(void) {
  char* name = alloc_block(5);
  if (name != NULL) memcpy(name, "ints", 5);
  return name;
}

static void fill_schema(struct ArrowSchema* schema, char* name) {
  *schema = (struct ArrowSchema) {"i", name, NULL, ARROW_FLAG_NULLABLE, 0, NULL, NULL, release_schema, name};
}

/* Two allocations for the array: its values and its buffers array. */
static int fill_array(struct ArrowArray* array) {
  int32_t* values = alloc_block(3 * sizeof(int32_t));
  const void** buffers = alloc_block(2 * sizeof(void*));
  if (values == NULL || buffers == NULL) {
    free_block(values);
    free_block(buffers);
    return ENOMEM;
  }
  values[0] = 1;
  values[1] = 2;
  values[2] = 3;
  buffers[0] = NULL;
  buffers[1] = values;
  *array = (struct ArrowArray) {3, 0, 0, 2, 0, buffers, NULL, NULL, release_array, buffers};
  return 0;
}

int failing_producer_produce(struct ArrowArray* out_array, struct ArrowSchema* out_schema) {
  char* name = new_name();
  if (name == NULL) return ENOMEM;
  struct ArrowArray array;
  int error = fill_array(&array);
  if (error != 0) {
    free_block(name);
    return error; /* nothing written to out_array or out_schema */
  }
  fill_schema(out_schema, name);
  *out_array = array;
  return 0;
}

int failing_producer_produce_schema_first(struct ArrowArray* out_array, struct ArrowSchema* out_schema) {
  char* name = new_name();
  if (name == NULL) return ENOMEM;
  fill_schema(out_schema, name); /* live from here on */
  return fill_array(out_array);  /* the bug: on ENOMEM out_schema stays live */
}
