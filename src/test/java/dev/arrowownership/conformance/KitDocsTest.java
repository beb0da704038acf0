package dev.arrowownership.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/kit.md stays true to the code: its example is the running test's, and every rule is listed. */
class KitDocsTest {
  private static final Path GUIDE = Path.of("docs/kit.md");

  /** The main example in the guide is the body of AdopterExampleTest.checkMyExporter, line for line. */
  @Test
  void mainExampleIsTheRunningTest() throws Exception {
    String guide = Files.readString(GUIDE);
    String example = guide.substring(guide.indexOf("```java\n") + 8, guide.indexOf("```\n", guide.indexOf("```java\n")));
    String test = Files.readString(Path.of("src/test/java/dev/arrowownership/conformance/AdopterExampleTest.java"));

    assertThat(test).contains(example);
    assertThat(example.lines().count()).isLessThan(20);
  }

  /** Every rule appears in the guide's rule table with its spec section. */
  @Test
  void everyRuleIsDocumented() throws Exception {
    String guide = Files.readString(GUIDE);
    for (Rule rule : Rule.values()) {
      assertThat(guide).contains("| `" + rule.id() + "` | " + rule.spec().title().replace("C Data Interface, ", "").replace(" (release is not bound to a thread)", ""));
    }
  }
}
