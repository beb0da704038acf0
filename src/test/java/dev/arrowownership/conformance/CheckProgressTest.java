package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.fixtures.HandMadeStreamProducer;
import dev.arrowownership.fixtures.HandMadeProducer;
import dev.arrowownership.fixtures.ReadingConsumer;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit announces each rule and hand-over before it runs it, to the listener of the checking thread only. */
class CheckProgressTest {

  /** A consumer check announces each hand-over, named by the rule it is for, in order. */
  @Test
  void consumerCheckAnnouncesEachHandOver() {
    List<String> steps = new ArrayList<>();
    Verdict verdict = CheckProgress.reporting(steps::add, () -> ConformanceKit.checkConsumer("c", new ReadingConsumer()));
    assertThat(verdict.conforms()).isTrue();
    assertThat(steps).startsWith("required_consumer_releases_exactly_once: the valid batch",
        "required_consumer_releases_on_failure: the valid batch, allocation #0 failing")
        .endsWith("required_consumer_invalid_input_released_exactly_once: the invalid batch unknown_format",
            "required_consumer_invalid_input_released_exactly_once: the invalid batch wrong_buffer_count",
            "required_consumer_invalid_input_released_exactly_once: the invalid batch negative_length",
            "required_consumer_invalid_input_released_exactly_once: the invalid batch released_child");
  }

  /** A producer check announces each rule as it runs it. */
  @Test
  void producerCheckAnnouncesEachRule() {
    List<String> steps = new ArrayList<>();
    CheckProgress.reporting(steps::add, () -> ConformanceKit.checkProducer("p", new HandMadeProducer()));
    assertThat(steps).containsExactly("required_producer_sets_release", "required_producer_release_sets_null",
        "required_producer_release_releases_children", "required_producer_moved_struct_stays_valid",
        "required_producer_release_frees_everything", "optional_producer_release_on_another_thread",
        "required_producer_failure_leaves_out_released_or_untouched");
  }

  /** A stream consumer check announces each kind of stream it hands over. */
  @Test
  void streamConsumerCheckAnnouncesEachStream() {
    List<String> steps = new ArrayList<>();
    CheckProgress.reporting(steps::add, () -> ConformanceKit.checkStreamConsumer("s", new ReadingStreamConsumer()));
    assertThat(steps).containsExactly("required_stream_consumer_releases_stream_once: the plain stream",
        "required_stream_consumer_releases_everything_on_error: the failing streams",
        "required_stream_consumer_reads_empty_and_uneven_streams: an empty and an uneven stream",
        "required_stream_consumer_releases_invalid_results_once: a stream with unknown_format",
        "required_stream_consumer_releases_invalid_results_once: a stream with wrong_buffer_count",
        "required_stream_consumer_releases_invalid_results_once: a stream with negative_length",
        "required_stream_consumer_releases_invalid_results_once: a stream with released_child");
  }

  /** A stream producer check announces its reads and each rule. */
  @Test
  void streamProducerCheckAnnouncesReadsAndRules() {
    List<String> steps = new ArrayList<>();
    CheckProgress.reporting(steps::add, () -> ConformanceKit.checkStreamProducer("sp",
        new HandMadeStreamProducer()));
    assertThat(steps).contains("required_stream_producer_results_keep_the_producer_rules: reading a stream",
        "optional_stream_producer_release_on_another_thread: reading a stream",
        "required_stream_producer_treats_out_as_uninitialised", "required_stream_producer_release_sets_null");
  }

  /** Another thread's and a later announcement reach no listener of this check; nesting restores the outer one. */
  @Test
  void theListenerIsTheCheckingThreadsForTheCheckOnly() {
    List<String> outer = new ArrayList<>();
    List<String> inner = new ArrayList<>();
    CheckProgress.reporting(outer::add, () -> {
      CheckProgress.reporting(inner::add, () -> {
        CheckProgress.enter(Rule.REQUIRED_PRODUCER_SETS_RELEASE);
        return null;
      });
      CheckProgress.enter(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "after");
      Thread other = new Thread(() -> CheckProgress.enter(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "elsewhere"));
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    CheckProgress.enter(Rule.REQUIRED_PRODUCER_SETS_RELEASE, "later");
    assertThat(inner).containsExactly("required_producer_sets_release");
    assertThat(outer).containsExactly("required_producer_sets_release: after");
  }
}
