package dev.arrowownership.reliability;

/** The kinds of bad call the misuse property generates. */
enum Misuse {
  /** A null argument to any entry point. */
  NULL_ARGUMENT,
  /** Allocating from, or importing into, an allocator that is already closed. */
  CLOSED_ALLOCATOR,
  /** Moving and importing between handles of different root allocators: allowed, and must stay exactly-once. */
  FOREIGN_ALLOCATOR,
  /** Any operation but close on a closed handle. */
  USE_AFTER_CLOSE,
  /** Importing from a handle whose batch was moved away. */
  USE_AFTER_MOVE,
  /** A producer that leaves a struct's release NULL (an already-released struct). */
  RELEASED_STRUCT,
  /** A struct address of 0 handed to the struct accessors and the ledger. */
  ZERO_ADDRESS,
  /** close() from another thread while a read holds the handle. */
  CLOSE_DURING_READ
}
