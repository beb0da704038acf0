package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A rule's strength, property and printed name are what reports and adopters read. */
class RuleTest {

  /** Strength follows the name: every required_ rule is a MUST, the optional_ rules are not. */
  @Test
  void requiredExactlyForRequiredRules() {
    assertThat(Rule.REQUIRED_PRODUCER_SETS_RELEASE.required()).isTrue();
    assertThat(Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD.required()).isFalse();
    assertThat(Arrays.stream(Rule.values()).filter(r -> !r.required())).containsExactly(
        Rule.OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD, Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD,
        Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET, Rule.OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE,
        Rule.OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED);
  }

  /** The stream sections link to the C Stream Interface page, with the anchors the page uses. */
  @Test
  void streamSectionsLinkToTheStreamPage() {
    assertThat(Rule.Spec.STREAM_CALLBACKS.url())
        .isEqualTo("https://arrow.apache.org/docs/format/CStreamInterface.html#the-arrowarraystream-structure");
    assertThat(Rule.Spec.STREAM_GET_NEXT.url())
        .isEqualTo("https://arrow.apache.org/docs/format/CStreamInterface.html#c.ArrowArrayStream.get_next");
    assertThat(Rule.Spec.STREAM_ERROR_CODES.url())
        .isEqualTo("https://arrow.apache.org/docs/format/CStreamInterface.html#c-stream-interface-error-codes");
    assertThat(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR.spec()).isEqualTo(Rule.Spec.STREAM_ERROR_CODES);
  }

  /** The property is the rule's one sentence, as written for it. */
  @Test
  void propertyIsTheRulesSentence() {
    assertThat(Rule.REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE.property()).isEqualTo("the stream's release is called exactly once");
    assertThat(Rule.values()).allSatisfy(r -> assertThat(r.property()).isNotBlank());
  }

  /** A rule prints as its id, the name reports and assertion messages use. */
  @Test
  void printsAsItsId() {
    assertThat(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE).hasToString("required_wrapper_rejects_misuse");
  }
}
