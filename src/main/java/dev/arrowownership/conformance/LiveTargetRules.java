package dev.arrowownership.conformance;

import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.generate.CanaryStream;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@link Rule#REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED} and {@link
 * Rule#OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET}, from one call: the kit plants a live {@link
 * CanaryStream} in the struct it hands the producer, then sees whether the producer called any of
 * its callbacks (never allowed), and whether it refused the live struct or wrote over it.
 */
final class LiveTargetRules {
  private LiveTargetRules() {}

  /** What one produce() into a struct holding a live canary did. */
  private record Outcome(Throwable thrown, int releaseCalls, int otherCalls, boolean intact, boolean filled) {
    boolean calledAny() {
      return releaseCalls + otherCalls > 0;
    }

    String calls() {
      return "its release " + releaseCalls + " time(s), its other callbacks " + otherCalls + " time(s)";
    }

    String thrownText() {
      return thrown == null ? "returned normally" : "threw " + thrown;
    }
  }

  static List<RuleResult> check(CDataStreamProducer producer, BufferAllocator allocator) {
    Outcome[] outcome = {null};
    RuleResult untouched = RuleRun.of(Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED,
        () -> untouched(outcome[0] = produceOverCanary(producer, allocator)));
    // Without an outcome (the kit's own struct handling failed) refused() meets null: that throw is the rule's failure.
    return List.of(untouched, RuleRun.of(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET, () -> refused(outcome[0])));
  }

  private static Outcome produceOverCanary(CDataStreamProducer producer, BufferAllocator allocator) {
    try (ArrowArrayStream struct = ArrowArrayStream.allocateNew(allocator);
        CanaryStream canary = CanaryStream.plant(struct.memoryAddress())) {
      long address = struct.memoryAddress();
      Throwable thrown = null;
      try {
        producer.produce(address);
      } catch (Throwable t) {
        thrown = t;
      }
      long release = StreamField.RELEASE.get(address);
      boolean filled = release != 0 && !CanaryStream.isCanaryRelease(release);
      Outcome outcome = new Outcome(thrown, canary.releaseCalls(), canary.otherCalls(), canary.intactAt(address), filled);
      if (filled) {
        new ForeignStream(address).release(); // the stream the producer wrote is the kit's: released once
      }
      return outcome;
    }
  }

  private static RuleResult untouched(Outcome outcome) {
    Rule rule = Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED;
    if (outcome.calledAny()) {
      return RuleResult.failed(rule, "the producer called the live stream the kit planted in out (" + outcome.calls()
          + ") and " + outcome.thrownText());
    }
    return RuleResult.passed(rule, "none of the planted stream's callbacks called; the producer "
        + (outcome.filled ? "wrote its stream over it" : "left it in place and " + outcome.thrownText()));
  }

  private static RuleResult refused(Outcome outcome) {
    Rule rule = Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET;
    if (outcome.thrown != null && outcome.intact && !outcome.calledAny()) {
      return RuleResult.passed(rule, "refused the live stream struct (" + outcome.thrownText() + ") and left it as it was");
    }
    if (outcome.filled) {
      return RuleResult.failed(rule, "wrote a new stream over the live one the kit planted"
          + (outcome.calledAny() ? " (after calling " + outcome.calls() + ")" : "")
          + ": the stream that was there can no longer be released by its owner");
    }
    if (outcome.intact && outcome.thrown == null) {
      return RuleResult.failed(rule, "returned normally and left the live stream as it was: a refusal the caller cannot see");
    }
    return RuleResult.failed(rule, "neither refused the live stream cleanly nor replaced it: it called " + outcome.calls()
        + ", " + (outcome.intact ? "left the struct as it was" : "changed the struct") + " and " + outcome.thrownText());
  }
}
