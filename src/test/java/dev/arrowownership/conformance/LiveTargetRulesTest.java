package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.NativeCallbacks;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.conformance.RuleResult.Status;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The two live-target rules on producers that do less than fill or refuse the struct cleanly. */
class LiveTargetRulesTest {

  /** Returning normally with the struct untouched calls nothing, but is a refusal no caller can see. */
  @Test
  void producerThatDoesNothingPassesTheFirstAndFailsTheSecond() {
    List<RuleResult> results = check(address -> { });

    assertThat(results.get(0)).isEqualTo(RuleResult.passed(Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED,
        "none of the planted stream's callbacks called; the producer left it in place and returned normally"));
    assertThat(results.get(1).message()).contains("returned normally and left the live stream as it was: a refusal the"
        + " caller cannot see");
  }

  /** Writing part of the struct and then throwing is no clean refusal. */
  @Test
  void halfWrittenStructIsNoRefusal() {
    List<RuleResult> results = check(address -> {
      StreamField.PRIVATE_DATA.set(address, 7);
      throw new IllegalStateException("half");
    });

    assertThat(results.get(0).status()).isEqualTo(Status.PASSED);
    assertThat(results.get(0).message()).endsWith("left it in place and threw java.lang.IllegalStateException: half");
    assertThat(results.get(1).message()).contains("neither refused the live stream cleanly nor replaced it: it called its"
        + " release 0 time(s), its other callbacks 0 time(s), changed the struct and threw java.lang.IllegalStateException: half");
  }

  /** Calling any callback of the planted stream fails the first rule, even when the producer then refuses. */
  @Test
  void callingThePlantedGetNextFailsTheFirstRule() {
    List<RuleResult> results = check(address -> {
      Function.getFunction(new Pointer(StreamField.GET_NEXT.get(address)))
          .invokeInt(new Object[] {new Pointer(address), Pointer.NULL});
      throw new IllegalStateException("refused");
    });

    assertThat(results.get(0).status()).isEqualTo(Status.FAILED);
    assertThat(results.get(0).message()).contains("the producer called the live stream the kit planted in out (its release 0"
        + " time(s), its other callbacks 1 time(s)) and threw java.lang.IllegalStateException: refused");
    assertThat(results.get(1).message()).contains("it called its release 0 time(s), its other callbacks 1 time(s), left"
        + " the struct as it was and threw");
  }

  /** Changing part of the struct and returning normally neither refuses nor replaces the stream. */
  @Test
  void halfWrittenStructReturnedNormallyIsNoRefusal() {
    List<RuleResult> results = check(address -> StreamField.PRIVATE_DATA.set(address, 7));

    assertThat(results.get(1).message()).contains("neither refused the live stream cleanly nor replaced it: it called its"
        + " release 0 time(s), its other callbacks 0 time(s), changed the struct and returned normally");
  }

  /** Releasing the planted stream and then refusing leaves a released struct: the kit calls nothing on it. */
  @Test
  void releasingThePlantedStreamThenThrowingIsNamed() {
    List<RuleResult> results = check(address -> {
      Function.getFunction(new Pointer(StreamField.RELEASE.get(address))).invoke(new Object[] {new Pointer(address)});
      throw new IllegalStateException("refused late");
    });

    assertThat(results.get(0).message()).contains("the producer called the live stream the kit planted in out (its"
        + " release 1 time(s), its other callbacks 0 time(s)) and threw java.lang.IllegalStateException: refused late");
    assertThat(results.get(1).message()).contains("it called its release 1 time(s), its other callbacks 0 time(s),"
        + " changed the struct and threw");
  }

  /**
   * Writing a stream of its own over the planted one calls none of its callbacks (the first rule
   * passes, saying so) but loses it for its owner (the optional refusal fails).
   */
  @Test
  void writingOverThePlantedStreamPassesTheFirstAndFailsTheSecond() {
    AtomicInteger releases = new AtomicInteger();
    NativeCallbacks.Release release = stream -> {
      releases.incrementAndGet();
      StreamField.RELEASE.set(Pointer.nativeValue(stream), 0);
    };
    List<RuleResult> results = check(address -> {
      for (StreamField field : StreamField.values()) {
        field.set(address, 0);
      }
      StreamField.RELEASE.set(address, NativeCallbacks.pointerOf(release));
    });

    assertThat(results.get(0)).isEqualTo(RuleResult.passed(Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED,
        "none of the planted stream's callbacks called; the producer wrote its stream over it"));
    assertThat(results.get(1).message()).contains("wrote a new stream over the live one the kit planted: the stream that"
        + " was there can no longer be released by its owner");
    assertThat(releases).as("the stream the producer wrote is the kit's: released once").hasValue(1);
  }

  /** Throwing with the planted stream untouched and uncalled is the clean refusal both rules pass. */
  @Test
  void aCleanRefusalPassesBoth() {
    List<RuleResult> results = check(address -> {
      throw new IllegalStateException("refused");
    });

    assertThat(results.get(0).message()).isEqualTo("none of the planted stream's callbacks called; the producer left it"
        + " in place and threw java.lang.IllegalStateException: refused");
    assertThat(results.get(1)).isEqualTo(RuleResult.passed(Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET,
        "refused the live stream struct (threw java.lang.IllegalStateException: refused) and left it as it was"));
  }

  private static List<RuleResult> check(CDataStreamProducer producer) {
    try (RootAllocator allocator = new RootAllocator()) {
      return LiveTargetRules.check(producer, allocator);
    }
  }
}
