package dev.arrowownership.cdata;

/**
 * The run ends of a run-end encoded array (spec: "Run-End Encoded Layout"): child 0 holds, for each
 * run, the logical index one past its end (int16, int32 or int64, strictly increasing); child 1 the
 * run's value.
 */
final class RunEnds {
  private RunEnds() {}

  /** nanoarrow's minimal and default checks of a run-end encoded array of {@code offset + length} end. */
  static void validate(ArrayNode node, long end) {
    ArrayNode runEnds = node.children().get(0);
    ArrayNode values = node.children().get(1);
    long max = switch (runEnds.schema().type().kind()) {
      case INT16 -> Short.MAX_VALUE;
      case INT32 -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    if (end > max) {
      throw CDataReader.fault(node.path(), "offset + length is " + end + ", beyond run ends of "
          + CDataReader.describe(runEnds.schema()));
    }
    if (runEnds.length() > values.length()) {
      throw CDataReader.fault(runEnds.path(), "length is " + runEnds.length()
          + ", more than the values' " + values.length());
    }
    if (runEnds.length() == 0 && values.length() != 0) {
      throw CDataReader.fault(runEnds.path(), "length is 0 but the values' is " + values.length());
    }
    if (runEnds.nullCount() != 0) {
      throw CDataReader.fault(runEnds.path(), "null_count is " + runEnds.nullCount() + ", must be 0");
    }
    if (runEnds.length() == 0) {
      return;
    }
    long first = at(runEnds, 0);
    if (first < 1) {
      throw CDataReader.fault(runEnds.path(), "first run end is " + first + ", must be >= 1");
    }
    long last = at(runEnds, runEnds.length() - 1);
    if (last < end) {
      throw CDataReader.fault(runEnds.path(), "last run end is " + last + ", must be >= offset + length "
          + end);
    }
  }

  /** The run ends of {@code node} as an array, checked strictly increasing (nanoarrow's full level). */
  static long[] read(ArrayNode node) {
    ArrayNode runEnds = node.children().get(0);
    long[] ends = new long[Math.toIntExact(runEnds.length())];
    for (int k = 0; k < ends.length; k++) {
      ends[k] = at(runEnds, k);
      if (k > 0 && ends[k] <= ends[k - 1]) {
        throw CDataReader.fault(runEnds.path(), "run end " + k + " is " + ends[k]
            + ", not greater than run end " + (k - 1) + " (" + ends[k - 1] + ")");
      }
    }
    return ends;
  }

  /** The run holding logical index {@code p}: the first whose end is greater. */
  static int runOf(long[] ends, long p) {
    int low = 0;
    int high = ends.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ends[mid] > p) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Run end {@code k} of the run-ends child (its own offset honoured). */
  static long at(ArrayNode runEnds, long k) {
    long p = runEnds.offset() + k;
    return switch (runEnds.schema().type().kind()) {
      case INT16 -> NativeReads.int16(runEnds.buffer(1) + 2 * p);
      case INT32 -> NativeReads.int32(runEnds.buffer(1) + 4 * p);
      default -> NativeReads.int64(runEnds.buffer(1) + 8 * p);
    };
  }
}
