/*
 * Native producers of one record batch, written the way the C Data Interface's own examples write
 * a producer: every struct and buffer its own allocation, each array's release releases its children
 * and its dictionary, frees what the array owns and sets release to NULL. The batch is a struct of
 * five rows with three children: "id" (int32 with a null), "name" (utf8) and "color" (int32 indices
 * into a utf8 dictionary), so children and a dictionary take part in every release.
 *
 * Each entry point is an arrow_ownership_producer; each broken one carries one bug, placed on the
 * one struct of the tree where it lives (see bug_site):
 *   producer_make_batch                    conforming
 *   producer_release_not_nulled            the "name" child's release leaves release set
 *   producer_forgets_dictionary            the "color" child's release never releases its dictionary
 *   producer_keeps_string_buffers          the "name" child's release frees its struct but not its buffers
 *   producer_keyed_by_address              the batch's own data is found by the struct's address, lost
 *                                          once the struct is moved
 *   producer_releases_child_twice          the batch's release calls the "id" child's release, then
 *                                          again through a copy of the function pointer taken before
 *                                          (unchecked, the second call frees the child's buffers twice)
 * Hooks: fixture_held_bytes and fixture_fail_allocation (fixture_memory.h). On a failed allocation
 * a producer returns ENOMEM with both structs untouched and everything it allocated freed, through
 * the release callbacks of what it built: so the two whose release leaks leak on that path too.
 */
#include <errno.h>

#include "arrow_ownership_kit.h"
#include "fixture_memory.h"

enum bug { NONE, RELEASE_NOT_NULLED, FORGETS_DICTIONARY, KEEPS_STRING_BUFFERS, KEYED_BY_ADDRESS, RELEASES_CHILD_TWICE };
enum site { BATCH, ID, NAME, COLOR };

/* The struct of the tree each bug lives on. */
static enum site bug_site(enum bug bug) {
  switch (bug) {
    case RELEASE_NOT_NULLED:
    case KEEPS_STRING_BUFFERS: return NAME;
    case FORGETS_DICTIONARY: return COLOR;
    default: return BATCH;
  }
}

static enum bug bug_at(enum site site, enum bug bug) { return bug_site(bug) == site ? bug : NONE; }

#define ROWS 5
#define MAX_CHILDREN 3

/* An array's private_data: the buffers and children it owns. */
struct array_data {
  enum bug bug;
  const void* buffers[3];
  struct ArrowArray* children[MAX_CHILDREN];
};

/* KEYED_BY_ADDRESS: the batch's array_data kept in a table keyed by the struct's address. */
#define TABLE 64
static struct { struct ArrowArray* array; struct array_data* data; } by_address[TABLE];

static void release_array(struct ArrowArray* array);

static void release_and_free_array(struct ArrowArray* array) {
  if (array->release != NULL) { /* NULL: a struct whose filling failed part way */
    array->release(array);
  }
  fixture_free(array);
}

static struct array_data* take_keyed(struct ArrowArray* array) {
  for (int i = 0; i < TABLE; i++) {
    if (by_address[i].array == array) {
      struct array_data* data = by_address[i].data;
      by_address[i].array = NULL;
      return data;
    }
  }
  return NULL; /* moved: this address was never registered */
}

static void release_array(struct ArrowArray* array) {
  struct array_data* data = array->private_data;
  if (data == NULL) {
    data = take_keyed(array);
    if (data == NULL) { /* the bug: nothing found under the moved struct's address, nothing freed */
      array->release = NULL;
      return;
    }
  }
  enum bug bug = data->bug;
  if (bug == RELEASES_CHILD_TWICE && array->n_children > 0) {
    struct ArrowArray* child = array->children[0];
    void (*stale)(struct ArrowArray*) = child->release;
    stale(child);
    stale(child); /* the bug: a second call through the copy, on a child already released */
  }
  for (int64_t i = 0; i < array->n_children; i++) {
    release_and_free_array(array->children[i]);
  }
  if (array->dictionary != NULL && bug != FORGETS_DICTIONARY) {
    release_and_free_array(array->dictionary);
  }
  if (bug != KEEPS_STRING_BUFFERS) {
    for (int64_t i = 0; i < array->n_buffers; i++) {
      fixture_free((void*) data->buffers[i]);
    }
  }
  fixture_free(data);
  if (bug != RELEASE_NOT_NULLED) {
    array->release = NULL;
  }
}

/* Makes *array a live array with no buffers filled and no children yet, or returns ENOMEM. */
static int start_array(struct ArrowArray* array, int64_t n_buffers, enum bug bug) {
  struct array_data* data = fixture_calloc(sizeof *data);
  *array = (struct ArrowArray) {0};
  if (data == NULL) {
    return ENOMEM;
  }
  data->bug = bug;
  *array = (struct ArrowArray) {ROWS, 0, 0, n_buffers, 0, data->buffers, data->children, NULL, release_array, data};
  return 0;
}

/* Copies size bytes into a new buffer #index of a started array. */
static int fill_buffer(struct ArrowArray* array, int index, const void* bytes, size_t size) {
  void* buffer = fixture_malloc(size);
  if (buffer == NULL) {
    return ENOMEM;
  }
  memcpy(buffer, bytes, size);
  ((struct array_data*) array->private_data)->buffers[index] = buffer;
  return 0;
}

/* A new released child struct of a started array (its parent's release frees it), or NULL. */
static struct ArrowArray* add_child(struct ArrowArray* parent) {
  struct ArrowArray* child = fixture_calloc(sizeof *child);
  if (child != NULL) {
    parent->children[parent->n_children++] = child;
  }
  return child;
}

/* int32 [1, null, 3, 4, 5], or the dictionary indices [0, 2, 1, 0, 2]. */
static int fill_int32(struct ArrowArray* array, int with_null, enum bug bug) {
  static const uint8_t validity[] = {0x1D}; /* bit 1 clear: row 1 is null */
  static const int32_t ids[ROWS] = {1, 0, 3, 4, 5};
  static const int32_t indices[ROWS] = {0, 2, 1, 0, 2};
  int rc = start_array(array, 2, bug);
  if (rc == 0 && with_null) {
    array->null_count = 1;
    rc = fill_buffer(array, 0, validity, sizeof validity);
  }
  return rc != 0 ? rc : fill_buffer(array, 1, with_null ? ids : indices, sizeof ids);
}

/* utf8 of `count` strings, concatenated in `chars`, split by `offsets`; no nulls. */
static int fill_utf8(struct ArrowArray* array, int64_t count, const int32_t* offsets, const char* chars, enum bug bug) {
  int rc = start_array(array, 3, bug);
  array->length = count;
  if (rc == 0) {
    rc = fill_buffer(array, 1, offsets, (size_t) (count + 1) * sizeof *offsets);
  }
  return rc != 0 ? rc : fill_buffer(array, 2, chars, (size_t) offsets[count]);
}

static int fill_batch(struct ArrowArray* batch, enum bug bug) {
  static const int32_t name_offsets[ROWS + 1] = {0, 2, 2, 5, 6, 8};
  static const int32_t color_offsets[4] = {0, 3, 8, 12};
  struct ArrowArray* child = NULL;
  int rc = start_array(batch, 1, bug_at(BATCH, bug)); /* buffers[0] NULL: no nulls at the top */
  if (rc == 0) {
    rc = (child = add_child(batch)) == NULL ? ENOMEM : fill_int32(child, 1, bug_at(ID, bug));
  }
  if (rc == 0) {
    rc = (child = add_child(batch)) == NULL ? ENOMEM : fill_utf8(child, ROWS, name_offsets, "abcdefgh", bug_at(NAME, bug));
  }
  if (rc == 0) {
    rc = (child = add_child(batch)) == NULL ? ENOMEM : fill_int32(child, 0, bug_at(COLOR, bug));
  }
  if (rc == 0) {
    rc = (child->dictionary = fixture_calloc(sizeof *child->dictionary)) == NULL
        ? ENOMEM : fill_utf8(child->dictionary, 3, color_offsets, "redgreenblue", NONE);
  }
  return rc;
}

/* A schema's private_data: the children it owns. */
struct schema_data {
  struct ArrowSchema* children[MAX_CHILDREN];
};

static void release_schema(struct ArrowSchema* schema);

static void release_and_free_schema(struct ArrowSchema* schema) {
  if (schema->release != NULL) {
    schema->release(schema);
  }
  fixture_free(schema);
}

/* Formats and names are static strings: only the children, the dictionary and private_data are freed. */
static void release_schema(struct ArrowSchema* schema) {
  for (int64_t i = 0; i < schema->n_children; i++) {
    release_and_free_schema(schema->children[i]);
  }
  if (schema->dictionary != NULL) {
    release_and_free_schema(schema->dictionary);
  }
  fixture_free(schema->private_data);
  schema->release = NULL;
}

static int start_schema(struct ArrowSchema* schema, const char* format, const char* name, int64_t flags) {
  struct schema_data* data = fixture_calloc(sizeof *data);
  *schema = (struct ArrowSchema) {0};
  if (data == NULL) {
    return ENOMEM;
  }
  *schema = (struct ArrowSchema) {format, name, NULL, flags, 0, data->children, NULL, release_schema, data};
  return 0;
}

static struct ArrowSchema* add_field(struct ArrowSchema* parent, const char* format, const char* name) {
  struct ArrowSchema* child = fixture_calloc(sizeof *child);
  if (child != NULL) {
    struct schema_data* data = parent->private_data;
    data->children[parent->n_children++] = child;
    if (start_schema(child, format, name, ARROW_FLAG_NULLABLE) != 0) {
      return NULL; /* child stays released; the parent's release frees it */
    }
  }
  return child;
}

static int fill_schema(struct ArrowSchema* schema) {
  struct ArrowSchema* color = NULL;
  int rc = start_schema(schema, "+s", "", 0);
  if (rc == 0 && (add_field(schema, "i", "id") == NULL || add_field(schema, "u", "name") == NULL
      || (color = add_field(schema, "i", "color")) == NULL)) {
    rc = ENOMEM;
  }
  if (rc == 0) {
    rc = (color->dictionary = fixture_calloc(sizeof *color->dictionary)) == NULL
        ? ENOMEM : start_schema(color->dictionary, "u", NULL, ARROW_FLAG_NULLABLE);
  }
  return rc;
}

/* KEYED_BY_ADDRESS: hands the batch's array_data over to the table, under the kit's struct address. */
static int register_by_address(struct ArrowArray* batch, struct ArrowArray* out_array) {
  for (int i = 0; i < TABLE; i++) {
    if (by_address[i].array == NULL) {
      by_address[i].array = out_array;
      by_address[i].data = batch->private_data;
      batch->private_data = NULL;
      return 0;
    }
  }
  return ENOMEM;
}

static int produce(struct ArrowArray* out_array, struct ArrowSchema* out_schema, enum bug bug) {
  struct ArrowArray batch;
  struct ArrowSchema schema = {0};
  /* RELEASES_CHILD_TWICE lives in the release handed over, not in produce()'s own clean-up: a
     producer that double-frees before returning crashes in its own code, where no kit can step in. */
  int rc = fill_batch(&batch, bug == RELEASES_CHILD_TWICE ? NONE : bug);
  if (rc == 0) {
    rc = fill_schema(&schema);
  }
  if (rc == 0 && bug == KEYED_BY_ADDRESS) {
    rc = register_by_address(&batch, out_array);
  }
  if (rc != 0) { /* everything built so far is owned by the two local structs: release them */
    if (batch.release != NULL) {
      batch.release(&batch);
    }
    if (schema.release != NULL) {
      schema.release(&schema);
    }
    return rc;
  }
  if (bug == RELEASES_CHILD_TWICE) {
    ((struct array_data*) batch.private_data)->bug = bug;
  }
  *out_array = batch; /* the move: nothing points into the local structs */
  *out_schema = schema;
  return 0;
}

int producer_make_batch(struct ArrowArray* a, struct ArrowSchema* s) { return produce(a, s, NONE); }
int producer_release_not_nulled(struct ArrowArray* a, struct ArrowSchema* s) { return produce(a, s, RELEASE_NOT_NULLED); }
int producer_forgets_dictionary(struct ArrowArray* a, struct ArrowSchema* s) { return produce(a, s, FORGETS_DICTIONARY); }
int producer_keeps_string_buffers(struct ArrowArray* a, struct ArrowSchema* s) { return produce(a, s, KEEPS_STRING_BUFFERS); }
int producer_keyed_by_address(struct ArrowArray* a, struct ArrowSchema* s) { return produce(a, s, KEYED_BY_ADDRESS); }
int producer_releases_child_twice(struct ArrowArray* a, struct ArrowSchema* s) { return produce(a, s, RELEASES_CHILD_TWICE); }

FIXTURE_EXPORTS(producer_make_batch, arrow_ownership_producer);
FIXTURE_EXPORTS(producer_release_not_nulled, arrow_ownership_producer);
FIXTURE_EXPORTS(producer_forgets_dictionary, arrow_ownership_producer);
FIXTURE_EXPORTS(producer_keeps_string_buffers, arrow_ownership_producer);
FIXTURE_EXPORTS(producer_keyed_by_address, arrow_ownership_producer);
FIXTURE_EXPORTS(producer_releases_child_twice, arrow_ownership_producer);
