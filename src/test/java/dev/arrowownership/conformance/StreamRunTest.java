package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What one stream hand-over counts as a refusal, as a problem, and how it prints the consumer's error. */
class StreamRunTest {
  private static final Throwable REFUSED = new IllegalArgumentException("no");

  /** consume() throwing is a refusal (or the stream's error reported); a throwing close() is neither, but a problem. */
  @Test
  void aThrowingCloseIsAProblemNotARefusal() {
    StreamRun refused = run(REFUSED);
    assertThat(refused.refused()).isTrue();
    assertThat(refused.problems()).isEmpty();
    StreamRun closing = run(new ResultCloseFailed(new IllegalStateException("closing")));
    assertThat(closing.refused()).isFalse();
    assertThat(closing.problems()).containsExactly(
        "consume() returned, then closing its result threw java.lang.IllegalStateException: closing");
    assertThat(run(null).refused()).isFalse();
  }

  /** The consumer's error as the rules append it: nothing when it threw nothing. */
  @Test
  void failureNamesWhatTheConsumerThrew() {
    assertThat(run(null).failure()).isEmpty();
    assertThat(run(REFUSED).failure()).isEqualTo(" (the consumer threw java.lang.IllegalArgumentException: no)");
  }

  private static StreamRun run(Throwable thrown) {
    return new StreamRun("plain", thrown, 1, List.of(), List.of(), List.of(), List.of(), 0);
  }
}
