package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checking JVM's output passes line for line; only a crash banner and what follows it are held back. */
class JvmBannerTest {

  @Test
  void crashBannerAndWhatFollowsAreHeldBack() {
    assertThat(filter("checking --consumer x in libx.so", "#", "# A fatal error has been detected by the Java Runtime"
        + " Environment:", "#", "#  SIGSEGV (0xb) at pc=0x1", "# C  [libx.so+0x1]  x+0x3", "after"))
        .containsExactly("checking --consumer x in libx.so");
  }

  /** A lone "#" line, or one before something else, is the check's own output: passed on, in order. */
  @Test
  void hashLinesThatStartNoBannerPass() {
    assertThat(filter("a", "#", "b", "#", "#", "# A fatal error? no: not at the start", "#"))
        .containsExactly("a", "#", "b", "#", "#", "# A fatal error? no: not at the start", "#");
    assertThat(filter("#")).containsExactly("#");
    assertThat(filter("# A fatal error has been detected")).containsExactly("# A fatal error has been detected");
  }

  private static List<String> filter(String... lines) {
    List<String> passed = new ArrayList<>();
    try {
      JvmBanner.copy(new BufferedReader(new StringReader(String.join("\n", lines))), passed::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return passed;
  }
}
