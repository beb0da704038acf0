/*
 * fixture_validate.h: what a conforming native consumer checks before it takes a batch or a stream's
 * result, written once for every fixture library. A consumer that reads a struct it cannot trust
 * (an unknown format, fewer buffers than its type has, a negative length, a released child) either
 * reads memory that does not exist or, worse, takes ownership and then fails half way; these checks
 * read only the structs' own fields, so they are safe on any input the kit hands over, and a consumer
 * that runs them first can refuse with EINVAL and leave both structs untouched for the caller
 * (optional_consumer_rejects_invalid_input_whole: both or neither).
 *
 * What is checked, from the C Data Interface's field descriptions:
 *   ArrowSchema.format    one this library understands (the table below), with the children its type
 *                         has ("+l" and "+L" one, "+s" any, the others none); a dictionary-encoded
 *                         field's indices an integer type
 *   ArrowArray.n_buffers  "a function of the data type" (the table below)
 *   ArrowArray.length     >= 0, and offset >= 0, null_count >= -1
 *   children, dictionary  as many children as the schema, each and the dictionary live (release !=
 *                         NULL: "Released structure"), and each valid against its own schema
 * Buffer pointers themselves are not: the spec lets a buffer of length zero be NULL, and which one
 * has length zero depends on the values. Static inline functions only: any number of files of one
 * library may include it.
 */
#ifndef FIXTURE_VALIDATE_H
#define FIXTURE_VALIDATE_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arrow_ownership_kit.h"

/* Deeper trees are refused rather than walked: a consumer's stack is finite. */
#define FIXTURE_MAX_DEPTH 64

/* A format this library reads, the buffers an array of it has, and the children it must have (-1: any). */
struct fixture_format {
  const char* format;
  int64_t buffers;
  int64_t children;
};

static const struct fixture_format fixture_formats[] = {
    {"n", 0, 0},                                                          /* null */
    {"b", 2, 0}, {"c", 2, 0}, {"C", 2, 0}, {"s", 2, 0}, {"S", 2, 0},      /* boolean, 8- and 16-bit ints */
    {"i", 2, 0}, {"I", 2, 0}, {"l", 2, 0}, {"L", 2, 0},                   /* 32- and 64-bit ints */
    {"e", 2, 0}, {"f", 2, 0}, {"g", 2, 0},                                /* floats */
    {"u", 3, 0}, {"z", 3, 0}, {"U", 3, 0}, {"Z", 3, 0},                   /* utf8 and binary, small and large */
    {"+s", 1, -1}, {"+l", 2, 1}, {"+L", 2, 1},                            /* struct, list, large list */
};

/* The entry for format, or NULL for one this library does not understand. */
static inline const struct fixture_format* fixture_format_of(const char* format) {
  if (format == NULL) {
    return NULL;
  }
  for (size_t i = 0; i < sizeof fixture_formats / sizeof fixture_formats[0]; i++) {
    if (strcmp(fixture_formats[i].format, format) == 0) {
      return &fixture_formats[i];
    }
  }
  return NULL;
}

/* Dictionary indices: a signed or unsigned integer type. */
static inline int fixture_is_index_type(const char* format) {
  return strlen(format) == 1 && strchr("cCsSiIlL", format[0]) != NULL;
}

static inline int fixture_schema_ok(const struct ArrowSchema* schema, int depth) {
  if (schema == NULL || schema->release == NULL || depth > FIXTURE_MAX_DEPTH) {
    return 0;
  }
  const struct fixture_format* type = fixture_format_of(schema->format);
  if (type == NULL || schema->n_children < 0 || (type->children >= 0 && schema->n_children != type->children)
      || (schema->n_children > 0 && schema->children == NULL)) {
    return 0;
  }
  for (int64_t i = 0; i < schema->n_children; i++) {
    if (!fixture_schema_ok(schema->children[i], depth + 1)) {
      return 0;
    }
  }
  return schema->dictionary == NULL
      || (fixture_is_index_type(schema->format) && fixture_schema_ok(schema->dictionary, depth + 1));
}

/* array against a schema fixture_schema_ok accepted. */
static inline int fixture_array_ok(const struct ArrowArray* array, const struct ArrowSchema* schema, int depth) {
  if (array == NULL || array->release == NULL || depth > FIXTURE_MAX_DEPTH) {
    return 0;
  }
  if (array->length < 0 || array->offset < 0 || array->null_count < -1
      || array->n_buffers != fixture_format_of(schema->format)->buffers
      || (array->n_buffers > 0 && array->buffers == NULL)
      || array->n_children != schema->n_children || (array->n_children > 0 && array->children == NULL)
      || (array->dictionary == NULL) != (schema->dictionary == NULL)) {
    return 0;
  }
  for (int64_t i = 0; i < array->n_children; i++) {
    if (!fixture_array_ok(array->children[i], schema->children[i], depth + 1)) {
      return 0;
    }
  }
  return array->dictionary == NULL || fixture_array_ok(array->dictionary, schema->dictionary, depth + 1);
}

/* 0 if this library can read schema (a stream's get_schema result); EINVAL otherwise. Reads only. */
static inline int fixture_validate_schema(const struct ArrowSchema* schema) {
  return fixture_schema_ok(schema, 0) ? 0 : EINVAL;
}

/* 0 if this library can read array under schema, which fixture_validate_schema accepted; EINVAL otherwise. */
static inline int fixture_validate_array(const struct ArrowArray* array, const struct ArrowSchema* schema) {
  return fixture_array_ok(array, schema, 0) ? 0 : EINVAL;
}

/* 0 if this library can read the batch (array, schema), both base structs live; EINVAL otherwise. Reads only. */
static inline int fixture_validate_batch(const struct ArrowArray* array, const struct ArrowSchema* schema) {
  int rc = fixture_validate_schema(schema);
  return rc != 0 ? rc : fixture_validate_array(array, schema);
}

#endif /* FIXTURE_VALIDATE_H */
