/*
 * Native consumers of a record batch (a struct array with an int32 column "id", as the kit hands
 * out). Each reads the batch while it owns it, converting the "id" column into a layout of its own
 * (a byte per row for validity, int64 values: two allocations) and summing it, then gives the batch
 * up. Each entry point is an arrow_ownership_consumer; each broken one carries one bug:
 *   consumer_take                      conforming: releases both base structures once
 *   consumer_keep                      conforming: moves the batch into a table of its own, which
 *                                      consumer_drop (the drop hook) releases
 *   consumer_never_releases            never releases either base structure
 *   consumer_releases_twice            releases the array, then again through a copy taken before
 *   consumer_releases_a_child          releases children[0] itself, then the array
 *   consumer_writes_after_release      resets the array's length after releasing it
 *   consumer_leaks_on_failure          when an allocation fails, returns ENOMEM having released the
 *                                      schema but not the array: right on every path but that one
 *   consumer_keep_drop_never_releases  its drop frees the table entry but never releases the batch
 *   consumer_keep_drop_leaks_entry     its drop releases the batch but never frees the table entry:
 *                                      every release is right; only the held-bytes hook shows it
 *   consumer_keep_leaves_source_live   copies the batch into its table but never marks the caller's
 *                                      structs released (release left set); its drop releases the copies
 * Before taking the batch each checks it (fixture_validate.h: a format it understands, the buffer
 * count of each type, length >= 0, every child and the dictionary live) and finds the "id" column:
 * given anything else, a released structure included, it returns EINVAL and touches neither struct,
 * so the caller still owns both. On a failed allocation a conforming consumer releases both base
 * structures and returns ENOMEM.
 * Hooks: fixture_held_bytes and fixture_fail_allocation (fixture_memory.h), consumer_drop, and
 * consumer_last_id_sum: what the last successful read summed, for tests.
 */
#include <errno.h>

#include "arrow_ownership_kit.h"
#include "fixture_memory.h"
#include "fixture_validate.h"

enum bug {
  NONE, NEVER_RELEASES, RELEASES_TWICE, RELEASES_A_CHILD, WRITES_AFTER_RELEASE, LEAKS_ON_FAILURE,
  DROP_NEVER_RELEASES, DROP_LEAKS_ENTRY, KEEP_LEAVES_SOURCE_LIVE
};

static int64_t last_id_sum;

/* The child of a struct schema with this name and format, or -1. */
static int64_t find_column(const struct ArrowSchema* schema, const char* name, const char* format) {
  for (int64_t i = 0; i < schema->n_children; i++) {
    const struct ArrowSchema* child = schema->children[i];
    if (child->name != NULL && strcmp(child->name, name) == 0 && strcmp(child->format, format) == 0) {
      return i;
    }
  }
  return -1;
}

/*
 * The int32 column "id" of a batch fixture_validate_batch accepted, or -1 if the batch is no struct,
 * has none, or has rows but no values buffer for it (the one buffer this consumer reads).
 */
static int64_t id_column(const struct ArrowArray* array, const struct ArrowSchema* schema) {
  int64_t column = strcmp(schema->format, "+s") == 0 ? find_column(schema, "id", "i") : -1;
  return column >= 0 && array->length > 0 && array->children[column]->buffers[1] == NULL ? -1 : column;
}

/* The sum of the non-null values of column `column` (int32) of a valid batch; ENOMEM when an allocation fails. */
static int sum_ids(const struct ArrowArray* array, int64_t column, int64_t* sum) {
  const struct ArrowArray* ids = array->children[column];
  const uint8_t* bitmap = ids->buffers[0];
  const int32_t* data = ids->buffers[1];
  int64_t rows = array->length;
  uint8_t* valid = fixture_malloc((size_t) rows + 1);
  int64_t* values = valid == NULL ? NULL : fixture_malloc(((size_t) rows + 1) * sizeof *values);
  if (values == NULL) {
    fixture_free(valid);
    return ENOMEM;
  }
  for (int64_t i = 0; i < rows; i++) {
    int64_t j = ids->offset + array->offset + i; /* a struct's offset applies to its children too */
    valid[i] = bitmap == NULL || ((bitmap[j >> 3] >> (j & 7)) & 1);
    values[i] = data[j];
  }
  *sum = 0;
  for (int64_t i = 0; i < rows; i++) {
    *sum += valid[i] ? values[i] : 0;
  }
  fixture_free(values);
  fixture_free(valid);
  return 0;
}

static void release_bases(struct ArrowArray* array, struct ArrowSchema* schema, enum bug bug) {
  struct ArrowArray copy = *array; /* RELEASES_TWICE releases through it: a stale copy of the struct */
  if (bug == RELEASES_A_CHILD) {
    array->children[0]->release(array->children[0]);
  }
  if (bug != NEVER_RELEASES) {
    array->release(array);
    schema->release(schema);
  }
  if (bug == RELEASES_TWICE) {
    copy.release(&copy);
  }
  if (bug == WRITES_AFTER_RELEASE) {
    array->length = 0;
  }
}

/* A batch consumer_keep took over, until consumer_drop. */
struct kept {
  struct ArrowArray array;
  struct ArrowSchema schema;
  enum bug bug;
  struct kept* next;
};

static struct kept* kept; /* the kit never calls a library concurrently */

/* Moves the batch into a new table entry; the kit's structs are left released, as a move leaves them. */
static int keep(struct ArrowArray* array, struct ArrowSchema* schema, enum bug bug) {
  struct kept* entry = fixture_malloc(sizeof *entry);
  if (entry == NULL) {
    array->release(array);
    schema->release(schema);
    return ENOMEM;
  }
  *entry = (struct kept) {*array, *schema, bug, kept};
  if (bug != KEEP_LEAVES_SOURCE_LIVE) { /* the move's second half: mark the source released, not release it */
    array->release = NULL;
    schema->release = NULL;
  }
  kept = entry;
  return 0;
}

void consumer_drop(void) {
  while (kept != NULL) {
    struct kept* entry = kept;
    kept = entry->next;
    if (entry->bug != DROP_NEVER_RELEASES) {
      entry->array.release(&entry->array);
      entry->schema.release(&entry->schema);
    }
    if (entry->bug != DROP_LEAKS_ENTRY) {
      fixture_free(entry);
    }
  }
}

static int consume(struct ArrowArray* array, struct ArrowSchema* schema, int keeps, enum bug bug) {
  /* Refused before it is taken: nothing released, nothing written, both structs still the caller's. */
  int64_t column = fixture_validate_batch(array, schema) == 0 ? id_column(array, schema) : -1;
  if (column < 0) {
    return EINVAL;
  }
  int64_t sum;
  int rc = sum_ids(array, column, &sum);
  if (rc != 0) { /* ENOMEM: the batch is taken, so it is released */
    if (bug != LEAKS_ON_FAILURE) {
      array->release(array);
    }
    schema->release(schema);
    return rc;
  }
  last_id_sum = sum;
  if (keeps) {
    return keep(array, schema, bug);
  }
  release_bases(array, schema, bug);
  return 0;
}

int64_t consumer_last_id_sum(void) { return last_id_sum; }

int consumer_take(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 0, NONE); }
int consumer_keep(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 1, NONE); }
int consumer_never_releases(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 0, NEVER_RELEASES); }
int consumer_releases_twice(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 0, RELEASES_TWICE); }
int consumer_releases_a_child(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 0, RELEASES_A_CHILD); }
int consumer_writes_after_release(struct ArrowArray* a, struct ArrowSchema* s) {
  return consume(a, s, 0, WRITES_AFTER_RELEASE);
}
int consumer_leaks_on_failure(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 0, LEAKS_ON_FAILURE); }
int consumer_keep_drop_never_releases(struct ArrowArray* a, struct ArrowSchema* s) {
  return consume(a, s, 1, DROP_NEVER_RELEASES);
}
int consumer_keep_drop_leaks_entry(struct ArrowArray* a, struct ArrowSchema* s) { return consume(a, s, 1, DROP_LEAKS_ENTRY); }
int consumer_keep_leaves_source_live(struct ArrowArray* a, struct ArrowSchema* s) {
  return consume(a, s, 1, KEEP_LEAVES_SOURCE_LIVE);
}

FIXTURE_EXPORTS(consumer_drop, arrow_ownership_drop);
FIXTURE_EXPORTS(consumer_take, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_keep, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_never_releases, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_releases_twice, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_releases_a_child, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_writes_after_release, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_leaks_on_failure, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_keep_drop_never_releases, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_keep_drop_leaks_entry, arrow_ownership_consumer);
FIXTURE_EXPORTS(consumer_keep_leaves_source_live, arrow_ownership_consumer);
