package dev.arrowownership.cdata;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a walk over a struct tree finite and its pointers sound: a NULL or released struct and a
 * struct met twice (a cycle, or a child shared by two parents, which a consumer would release twice)
 * are refused before anything else of the struct is read. Schemas deeper than {@link #MAX_DEPTH} are
 * refused by the schema reader; an array tree follows its schema tree, so it is no deeper.
 */
final class TreeGuard {
  /** Deepest nesting read; the spec sets none, a deeper tree is taken as corrupt. */
  static final int MAX_DEPTH = 64;
  /** Most children (or variadic buffers) of one struct read; more is taken as corrupt. */
  static final long MAX_CHILDREN = 1 << 16;

  private final StructKind kind;
  private final Map<Long, String> seen = new HashMap<>();

  TreeGuard(StructKind kind) {
    this.kind = kind;
  }

  /** Checks the struct at {@code address}, found at {@code path}, and records it. */
  void enter(long address, String path) {
    if (address == 0) {
      throw CDataReader.fault(path, "is NULL");
    }
    String earlier = seen.putIfAbsent(address, path);
    if (earlier != null) {
      String what = path.startsWith(earlier + ".") ? "a cycle" : "a shared struct";
      throw CDataReader.fault(path, "is the struct at " + earlier + " again (" + what + ")");
    }
    if (!kind.isLive(address)) {
      throw CDataReader.fault(path, "is released (release is NULL)");
    }
  }

  /** Checks a child count read from a struct before its pointer array is walked. */
  static void checkCount(long count, String path, String field) {
    if (count < 0 || count > MAX_CHILDREN) {
      throw CDataReader.fault(path, field + " is " + count + ", not in 0.." + MAX_CHILDREN);
    }
  }

  /** The address of entry {@code i} of a pointer array, refusing a NULL array. */
  static long entry(long array, long i, String path, String field, long count) {
    if (array == 0) {
      throw CDataReader.fault(path + "." + field, "is NULL but n_" + field + " is " + count);
    }
    return NativeReads.pointer(array + 8 * i);
  }
}
