package dev.arrowownership.conformance;

import dev.arrowownership.cdata.StructKind;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@link Rule#REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE} and {@link
 * Rule#REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID}: with the producer's fault hook ({@link
 * CDataStreamProducer#faults()}), allocation #k of the first {@code get_next} of a new stream is
 * made to fail, for k = 0, 1, 2, ... until {@code get_next} fails or makes no allocation #k. Without
 * a hook, or without a failing call, both rules are not applicable.
 */
final class StreamErrorRules {
  private static final Rule ERROR_CODE = Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE;
  private static final Rule LAST_ERROR = Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID;

  private StreamErrorRules() {}

  /**
   * What the first get_next did with one allocation failing.
   *
   * @param fired whether the armed failure happened (false: get_next made fewer allocations)
   * @param rc what get_next returned
   * @param live whether it left a live array in out
   * @param lastError the last-error rule's result, when get_next returned an error code
   */
  private record FailedNext(boolean fired, int rc, boolean live, RuleResult lastError) {}

  static List<RuleResult> check(CDataStreamProducer producer, BufferAllocator allocator) {
    return check(producer, allocator, ConsumerRules.MAX_FAULT_POINTS);
  }

  /** The rules, failing at most the first {@code maxFaultPoints} allocations of get_next. */
  static List<RuleResult> check(CDataStreamProducer producer, BufferAllocator allocator, int maxFaultPoints) {
    if (producer.faults().isEmpty()) {
      String why = "the producer offers no fault hook (faults() is empty), so no get_next could be made to fail";
      return List.of(RuleResult.notApplicable(ERROR_CODE, why), RuleResult.notApplicable(LAST_ERROR, why));
    }
    FailedNext[] failed = {null};
    RuleResult errorCode = RuleRun.of(ERROR_CODE, () -> sweep(producer, allocator, maxFaultPoints, failed));
    return List.of(errorCode, failed[0] != null && failed[0].rc() != 0 ? failed[0].lastError()
        : RuleResult.notApplicable(LAST_ERROR, "no get_next failed with an error code: " + errorCode.message()));
  }

  /** The error-code rule's result; the run that ended the sweep with a failure goes into {@code failed}. */
  private static RuleResult sweep(CDataStreamProducer producer, BufferAllocator allocator, int maxFaultPoints,
      FailedNext[] failed) throws Exception {
    AllocationFaults faults = producer.faults().orElseThrow();
    int k = 0; // allocations made to fail so far, each of which get_next got past
    while (k < maxFaultPoints) {
      FailedNext run = failingNext(producer, allocator, faults, k);
      if (!run.fired()) {
        break; // get_next made fewer allocations than k + 1
      }
      String failure = "allocation #" + k + " of the first get_next failing";
      if (run.rc() != 0) {
        failed[0] = run;
        return RuleResult.passed(ERROR_CODE, failure + ", get_next returned " + run.rc());
      }
      if (!run.live()) {
        failed[0] = run;
        return RuleResult.failed(ERROR_CODE, failure + ", get_next returned 0 with a released array: the failure"
            + " reads as the end of the stream");
      }
      k++;
    }
    return RuleResult.notApplicable(ERROR_CODE, k == 0
        ? "the first get_next made no allocation through the producer's fault hook, so none could be made to fail"
        : "get_next still succeeded with each of its first " + k + " allocations failing in turn");
  }

  /** One new stream whose first get_next has allocation #k failing. */
  private static FailedNext failingNext(CDataStreamProducer producer, BufferAllocator allocator, AllocationFaults faults,
      int k) throws Exception {
    try (ArrowArrayStream struct = ForeignStream.newStruct(allocator); ArrowSchema schema = ArrowSchema.allocateNew(allocator);
        ArrowArray array = ArrowArray.allocateNew(allocator)) {
      ForeignStream stream = ForeignStream.produce(producer, struct.memoryAddress());
      try {
        int schemaRc = stream.getSchema(schema.memoryAddress());
        schema.release(); // skipped by Arrow Java when get_schema left it released
        if (schemaRc != 0) {
          throw new IllegalStateException("get_schema returned " + schemaRc + " with no fault injected");
        }
        faults.failAt(k);
        int rc;
        boolean fired;
        try {
          rc = stream.getNext(array.memoryAddress());
        } finally {
          fired = faults.disarm();
        }
        boolean live = StructKind.ARRAY.isLive(array.memoryAddress());
        if (rc != 0) {
          // Probed before any other callback. What the failed call left in out is not these rules' to
          // judge: it is left alone, never released.
          RuleResult lastError = RuleRun.of(LAST_ERROR, () -> LastErrorProbe.check(stream, producer,
              "allocation #" + k + " of the first get_next failing, get_next returned " + rc));
          return new FailedNext(fired, rc, live, lastError);
        }
        array.release(); // a batch made despite the failure, or none: released either way (skipped when released)
        return new FailedNext(fired, rc, live, null);
      } finally {
        stream.release();
      }
    }
  }
}
