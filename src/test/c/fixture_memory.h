/*
 * fixture_memory.h: the memory of a native fixture library, counted, and the two optional hooks of
 * arrow_ownership_kit.h that read it and make it fail. Every allocation of a fixture goes through
 * fixture_malloc, so the kit sees what the library holds (fixture_held_bytes) and can fail any one
 * allocation (fixture_fail_allocation) to walk the library's failure paths.
 *
 * Included by exactly one .c file of a library: it defines that library's exported hooks. The names
 * are the same in every fixture library; the kit looks each up in its own library.
 */
#ifndef FIXTURE_MEMORY_H
#define FIXTURE_MEMORY_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arrow_ownership_kit.h"

/* Fails the build unless FUNCTION has exactly the type TYPEDEF that arrow_ownership_kit.h declares. */
#define FIXTURE_EXPORTS(FUNCTION, TYPEDEF) \
  _Static_assert(_Generic(&(FUNCTION), TYPEDEF: 1, default: 0), #FUNCTION " must have the type " #TYPEDEF)

/* Atomic: a release callback may free on any thread. */
static int64_t fixture_held;
/* Allocations left before the armed failure; -1 when disarmed. Only produce/consume calls allocate,
 * and the kit never makes them concurrently, but atomics keep a racing caller from tearing it. */
static int64_t fixture_allocations_to_failure = -1;
static int fixture_failure_happened;

/* Each block starts with its size, so that fixture_free knows what to give back. */
union fixture_block {
  size_t size;
  max_align_t align;
};

static inline void* fixture_malloc(size_t size) {
  int64_t left = __atomic_load_n(&fixture_allocations_to_failure, __ATOMIC_SEQ_CST);
  if (left == 0) { /* the armed allocation: fails once, as if out of memory */
    __atomic_store_n(&fixture_allocations_to_failure, -1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&fixture_failure_happened, 1, __ATOMIC_SEQ_CST);
    return NULL;
  }
  if (left > 0) {
    __atomic_store_n(&fixture_allocations_to_failure, left - 1, __ATOMIC_SEQ_CST);
  }
  union fixture_block* block = malloc(sizeof *block + size);
  if (block == NULL) {
    return NULL;
  }
  block->size = size;
  __atomic_fetch_add(&fixture_held, (int64_t) size, __ATOMIC_SEQ_CST);
  return block + 1;
}

static inline void* fixture_calloc(size_t size) {
  void* memory = fixture_malloc(size);
  if (memory != NULL) {
    memset(memory, 0, size);
  }
  return memory;
}

static inline void fixture_free(void* memory) {
  if (memory == NULL) {
    return;
  }
  union fixture_block* block = (union fixture_block*) memory - 1;
  __atomic_fetch_sub(&fixture_held, (int64_t) block->size, __ATOMIC_SEQ_CST);
  free(block);
}

/* arrow_ownership_held_bytes: the bytes allocated through fixture_malloc and not yet freed. */
int64_t fixture_held_bytes(void) {
  return __atomic_load_n(&fixture_held, __ATOMIC_SEQ_CST);
}
FIXTURE_EXPORTS(fixture_held_bytes, arrow_ownership_held_bytes);

/* arrow_ownership_fail_allocation: k >= 0 arms allocation #k from now to fail once, k < 0 disarms;
 * returns whether the failure armed by the previous call happened. */
int fixture_fail_allocation(int64_t k) {
  int happened = __atomic_exchange_n(&fixture_failure_happened, 0, __ATOMIC_SEQ_CST);
  __atomic_store_n(&fixture_allocations_to_failure, k < 0 ? -1 : k, __ATOMIC_SEQ_CST);
  return happened;
}
FIXTURE_EXPORTS(fixture_fail_allocation, arrow_ownership_fail_allocation);

#endif /* FIXTURE_MEMORY_H */
