package dev.arrowownership.conformance;

import dev.arrowownership.cdata.StructKind;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@link Rule#REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE} and {@link
 * Rule#REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID}: with the producer's fault hook ({@link
 * CDataStreamProducer#faults()}), allocation #k of the first {@code get_next} is made to fail, for
 * k = 0, 1, 2, ... until {@code get_next} fails or makes no allocation #k. Without a hook, or
 * without a failing call, both rules are not applicable.
 */
final class StreamErrorRules {
  private static final Rule ERROR_CODE = Rule.REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE;
  private static final Rule LAST_ERROR = Rule.REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID;
  private static final int STREAM_SIZE = 40;

  private StreamErrorRules() {}

  static List<RuleResult> check(CDataStreamProducer producer, BufferAllocator allocator) {
    if (producer.faults().isEmpty()) {
      String why = "the producer offers no fault hook (faults() is empty), so no get_next could be made to fail";
      return List.of(RuleResult.notApplicable(ERROR_CODE, why), RuleResult.notApplicable(LAST_ERROR, why));
    }
    RuleResult[] lastError = {null};
    RuleResult errorCode = RuleRun.of(ERROR_CODE, () -> sweep(producer, allocator, lastError));
    return List.of(errorCode, lastError[0] != null ? lastError[0]
        : RuleResult.notApplicable(LAST_ERROR, "no get_next failed with an error code: " + errorCode.message()));
  }

  /** The error-code rule's result; the last-error rule's, when a call failed, into {@code lastError}. */
  private static RuleResult sweep(CDataStreamProducer producer, BufferAllocator allocator, RuleResult[] lastError)
      throws Exception {
    AllocationFaults faults = producer.faults().orElseThrow();
    for (int k = 0; k < ConsumerRules.MAX_FAULT_POINTS; k++) {
      RuleResult result = failingNext(producer, allocator, faults, k, lastError);
      if (result != null) {
        return result;
      }
    }
    return RuleResult.notApplicable(ERROR_CODE, "get_next still succeeded with each of its first "
        + ConsumerRules.MAX_FAULT_POINTS + " allocations failing");
  }

  /** One stream whose first get_next has allocation #k failing: a result, or null when get_next got past it. */
  private static RuleResult failingNext(CDataStreamProducer producer, BufferAllocator allocator, AllocationFaults faults,
      int k, RuleResult[] lastError) throws Exception {
    try (ArrowArrayStream struct = ArrowArrayStream.allocateNew(allocator); ArrowSchema schema = ArrowSchema.allocateNew(allocator);
        ArrowArray array = ArrowArray.allocateNew(allocator)) {
      MemoryUtil.setMemory(struct.memoryAddress(), STREAM_SIZE, (byte) 0);
      producer.produce(struct.memoryAddress());
      ForeignStream stream = new ForeignStream(struct.memoryAddress());
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
        String failure = "allocation #" + k + " of the first get_next failing";
        if (!fired) {
          array.release();
          return k == 0 ? RuleResult.notApplicable(ERROR_CODE, "the first get_next made no allocation through the"
              + " producer's fault hook, so none could be made to fail") : RuleResult.notApplicable(ERROR_CODE,
              "get_next still succeeded with each of its " + k + " allocations failing in turn");
        }
        if (rc != 0) {
          // What a failed get_next left in out is not this rule's to judge: it is left alone, never released.
          lastError[0] = RuleRun.of(LAST_ERROR, () -> LastErrorProbe.check(stream, producer, failure
              + ", get_next returned " + rc));
          return RuleResult.passed(ERROR_CODE, failure + ", get_next returned " + rc);
        }
        if (!live) {
          return RuleResult.failed(ERROR_CODE, failure + ", get_next returned 0 with a released array: the failure"
              + " reads as the end of the stream");
        }
        array.release(); // the producer got past the failure and made a batch: try the next allocation
        return null;
      } finally {
        if (stream.isLive()) {
          stream.release();
        }
      }
    }
  }
}
