package dev.arrowownership.generate;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the kit's stream ({@link KitStream}) yields and where it fails: the adversarial streams the
 * kit hands stream consumers besides the plain one (C Stream Interface: "get_schema",
 * "get_next", "get_last_error", "Error codes").
 *
 * @param rows the row count of each batch, in order; {@code get_next} reports the end of stream
 *     (a released array) after the last
 * @param failingGetSchema {@code get_schema} returns {@code EIO} and writes nothing
 * @param failingGetNext the {@code get_next} call (counted from 0) that returns {@code EIO}, as does
 *     every later one; -1 for none
 * @param fillsBeforeFailing the failing {@code get_next} first exports a batch into {@code out}, then
 *     returns the error (the spec does not say who owns it then)
 * @param lastError what {@code get_last_error} returns after a failure; null for NULL, which the spec
 *     allows ("NULL can also be returned if no detailed description is available")
 * @param invalid a fault put into the schema of every {@code get_schema} or into the first batch;
 *     null for none
 */
public record StreamPlan(List<Integer> rows, boolean failingGetSchema, int failingGetNext, boolean fillsBeforeFailing,
    String lastError, InvalidBatch invalid) {

  public StreamPlan {
    rows = List.copyOf(rows);
    if (rows.stream().anyMatch(r -> r < 0)) {
      throw new IllegalArgumentException("row counts must be >= 0, were " + rows);
    }
  }

  /** {@code count} batches of {@link KitBatches#ROWS} rows, no failure. */
  public static StreamPlan batches(int count) {
    return new StreamPlan(Collections.nCopies(count, KitBatches.ROWS), false, -1, false, null, null);
  }

  /** This plan with batches of these row counts. */
  public StreamPlan withRows(Integer... counts) {
    return new StreamPlan(List.of(counts), failingGetSchema, failingGetNext, fillsBeforeFailing, lastError, invalid);
  }

  /** This plan with {@code get_schema} failing, {@code get_last_error} then returning {@code message}. */
  public StreamPlan failingGetSchema(String message) {
    return new StreamPlan(rows, true, failingGetNext, fillsBeforeFailing, message, invalid);
  }

  /** This plan with {@code get_next} call {@code call} and every later one failing, leaving {@code out} released. */
  public StreamPlan failingGetNext(int call, String message) {
    return new StreamPlan(rows, failingGetSchema, requireCall(call), false, message, invalid);
  }

  /** This plan with {@code get_next} call {@code call} exporting a batch into {@code out} and then failing. */
  public StreamPlan fillingThenFailingGetNext(int call, String message) {
    return new StreamPlan(rows, failingGetSchema, requireCall(call), true, message, invalid);
  }

  /** This plan with {@code fault} in the schema or in the first batch. */
  public StreamPlan with(InvalidBatch fault) {
    return new StreamPlan(rows, failingGetSchema, failingGetNext, fillsBeforeFailing, lastError,
        Objects.requireNonNull(fault, "fault"));
  }

  private static int requireCall(int call) {
    if (call < 0) {
      throw new IllegalArgumentException("the failing get_next call is counted from 0, was " + call);
    }
    return call;
  }
}
