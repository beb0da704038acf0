package dev.arrowownership.nativecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.support.NativeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example of "Native targets" in docs/kit.md: it runs here, and the guide shows it line for line. */
class NativeTargetExampleTest {
  private static final String START = "    // docs/kit.md example\n";
  private static final String END = "    // end of example\n";

  @Test
  void checkANativeConsumer() {
    Path library = NativeFixtures.require("kit_consumer");
    // docs/kit.md example
    NativeTarget target = NativeTarget.builder(library)
        .bind(EntryPoint.CONSUMER, "consumer_take")
        .bind(EntryPoint.HELD_BYTES, "fixture_held_bytes")
        .bind(EntryPoint.FAIL_ALLOCATION, "fixture_fail_allocation")
        .load();
    Verdict verdict = ConformanceKit.checkConsumer("consumer_take", target.consumer().orElseThrow());
    verdict.assertConforms();
    // end of example
  }

  @Test
  void guideShowsTheExample() throws Exception {
    String test = Files.readString(Path.of("src/test/java/dev/arrowownership/nativecode/NativeTargetExampleTest.java"));
    String example = test.substring(test.indexOf(START) + START.length(), test.indexOf(END));
    String guide = Files.readString(Path.of("docs/kit.md"));
    String section = guide.substring(guide.indexOf("## Native targets"));

    assertThat(section).contains("```java\n" + example + "```\n");
  }
}
