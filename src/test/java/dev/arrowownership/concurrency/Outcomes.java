package dev.arrowownership.concurrency;

import java.util.List;

/**
 * The words racing tests use for what one call did; jcstress outcome ids and Lincheck results are
 * made of them.
 */
public final class Outcomes {
  public static final String CLOSED = "closed";
  public static final String ALREADY_CLOSED = "already-closed";
  public static final String MOVED = "moved";
  public static final String MOVED_NOTHING = "moved-nothing";
  public static final String ASSIGNED = "assigned";
  public static final String EXTRACTED = "extracted";
  public static final String EXTRACTED_EMPTY = "extracted-empty";
  /** The call threw {@link IllegalStateException}, the documented misuse response. */
  public static final String REFUSED = "refused";

  private Outcomes() {}

  /** What a call did and the ids of the batches it released, e.g. {@code "closed releasing [0]"}. */
  static String releasing(String outcome, List<Integer> released) {
    return outcome + " releasing " + released.stream().sorted().toList();
  }
}
