package dev.arrowownership.jcstress;

import static dev.arrowownership.concurrency.Outcomes.*;

import dev.arrowownership.concurrency.Frame;
import dev.arrowownership.concurrency.Handle;

/**
 * Runs one racing call and names what it did, in the words of {@code Outcomes} that the outcome ids
 * use. Only the documented misuse response, {@link IllegalStateException}, becomes an outcome;
 * anything else escapes and jcstress reports the test as an error.
 */
final class Calls {
  private Calls() {}

  static String close(Handle handle) {
    return handle.close() ? CLOSED : ALREADY_CLOSED;
  }

  static String moveFrom(Handle source) {
    try {
      return source.moveFrom().isOwned() ? MOVED : MOVED_NOTHING;
    } catch (IllegalStateException e) {
      return REFUSED;
    }
  }

  static String moveAssign(Handle target, Handle source) {
    try {
      target.moveAssign(source);
      return ASSIGNED;
    } catch (IllegalStateException e) {
      return REFUSED;
    }
  }

  static String extract(Frame frame) {
    try {
      return frame.extractRecordBatches().stream().allMatch(Handle::isOwned) ? EXTRACTED : EXTRACTED_EMPTY;
    } catch (IllegalStateException e) {
      return REFUSED;
    }
  }

  static String close(Frame frame) {
    frame.close();
    return CLOSED;
  }
}
