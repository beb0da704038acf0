package dev.arrowownership.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.nativecode.EntryPoint;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A check request: its roles in order, its targets, its default name, and the arguments another JVM runs it with. */
class CheckRequestTest {
  private static final Path LIBRARY = Path.of("lib/libfoo.so.1");

  @Test
  void rolesInKitOrderTargetsAndSteps() {
    CheckRequest request = request(Map.of(EntryPoint.STREAM_CONSUMER, "s", EntryPoint.CONSUMER, "c",
        EntryPoint.PRODUCER, "p", EntryPoint.HELD_BYTES, "h"));

    assertThat(request.roles()).containsExactly(CheckedRole.PRODUCER, CheckedRole.CONSUMER, CheckedRole.STREAM_CONSUMER);
    assertThat(request.target(CheckedRole.STREAM_CONSUMER)).isEqualTo("foo-stream-consumer");
    assertThat(request.step(CheckedRole.CONSUMER)).isEqualTo("checking --consumer c");
  }

  /** The arguments of the same check, paths absolute, symbols in entry point order; a child appends its own. */
  @Test
  void argumentsRepeatTheCheckWithAbsolutePaths() {
    CheckRequest request = request(Map.of(EntryPoint.DROP, "d", EntryPoint.CONSUMER, "c"));

    assertThat(request.arguments()).containsExactly("check", "--library", LIBRARY.toAbsolutePath().toString(), "--name", "foo",
        "--report-dir", Path.of("out").toAbsolutePath().toString(), "--consumer", "c", "--drop", "d");
  }

  /** The library's file name up to its first dot, other characters than a name allows as '_'. */
  @Test
  void defaultNameIsTheLibrarysFileNameUpToItsFirstDot() {
    assertThat(CheckRequest.defaultName(LIBRARY)).isEqualTo("libfoo");
    assertThat(CheckRequest.defaultName(Path.of("foo"))).isEqualTo("foo");
    assertThat(CheckRequest.defaultName(Path.of("my lib+1.dll"))).isEqualTo("my_lib_1");
    assertThat(CheckRequest.defaultName(Path.of(".hidden.so"))).isEqualTo("target");
    assertThat(CheckRequest.defaultName(Path.of("_x.so"))).isEqualTo("target_x");
  }

  /** The map handed in is copied: changing it later changes nothing; the request's own cannot be changed. */
  @Test
  void symbolsAreCopied() {
    Map<EntryPoint, String> symbols = new EnumMap<>(Map.of(EntryPoint.PRODUCER, "p"));
    CheckRequest request = request(symbols);
    symbols.put(EntryPoint.CONSUMER, "c");

    assertThat(request.symbols()).containsOnlyKeys(EntryPoint.PRODUCER);
    assertThatThrownBy(() -> request.symbols().put(EntryPoint.DROP, "d")).isInstanceOf(UnsupportedOperationException.class);
  }

  /** Names that cannot name a file, or that start with something other than a letter or digit, are refused. */
  @Test
  void namesMustBeFileNameSafe() {
    for (String name : new String[] {"", "-x", ".x", "a b", "a/b", "a\\b"}) {
      assertThatThrownBy(() -> new CheckRequest(LIBRARY, name, Path.of("out"), Map.of(EntryPoint.PRODUCER, "p"), false))
          .isInstanceOf(CliError.class).hasMessageStartingWith("--name '" + name + "' must be");
    }
    assertThat(new CheckRequest(LIBRARY, "A1._-z", Path.of("out"), Map.of(EntryPoint.PRODUCER, "p"), false).name()).isEqualTo("A1._-z");
  }

  /**
   * With --layouts the consumer roles, which the kit hands its batches, are checked over the tour under
   * their own target; a producer role is not (it makes its own layouts); the child JVM gets the option.
   */
  @Test
  void layoutsApplyToTheConsumerRolesOnly() {
    Map<EntryPoint, String> symbols = Map.of(EntryPoint.PRODUCER, "p", EntryPoint.CONSUMER, "c",
        EntryPoint.STREAM_PRODUCER, "sp", EntryPoint.STREAM_CONSUMER, "sc");
    CheckRequest layouts = new CheckRequest(LIBRARY, "foo", Path.of("out"), symbols, true);
    CheckRequest single = request(symbols);

    assertThat(layouts.roles()).filteredOn(layouts::onLayouts)
        .containsExactly(CheckedRole.CONSUMER, CheckedRole.STREAM_CONSUMER);
    assertThat(single.roles()).noneMatch(single::onLayouts);
    assertThat(layouts.layoutsTarget(CheckedRole.STREAM_CONSUMER)).isEqualTo("foo-stream-consumer-layouts");
    assertThat(layouts.arguments()).endsWith("--stream-consumer", "sc", "--layouts");
    assertThat(single.arguments()).doesNotContain("--layouts");
  }

  /** A producer role is never handed the kit's batches: asking for it is a bug of the caller, named. */
  @Test
  void aProducerRoleIsNotCheckedOnTheKitsBatches() {
    assertThat(CheckedRole.values()).filteredOn(CheckedRole::takesBatches)
        .containsExactly(CheckedRole.CONSUMER, CheckedRole.STREAM_CONSUMER);
    assertThatThrownBy(() -> CheckedRole.STREAM_PRODUCER.check("t", null, null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("stream-producer makes its own batches: it is not checked on the kit's layouts");
  }

  /** Only hooks, no role: refused; a role with hooks is enough. */
  @Test
  void hooksAloneAreNoCheck() {
    assertThatThrownBy(() -> request(Map.of(EntryPoint.HELD_BYTES, "h", EntryPoint.DROP, "d", EntryPoint.FAIL_ALLOCATION, "f")))
        .isInstanceOf(CliError.class).hasMessageStartingWith("no role given");
    assertThat(request(Map.of(EntryPoint.STREAM_CONSUMER, "s", EntryPoint.DROP, "d")).roles())
        .containsExactly(CheckedRole.STREAM_CONSUMER);
  }

  private static CheckRequest request(Map<EntryPoint, String> symbols) {
    return new CheckRequest(LIBRARY, CheckRequest.defaultName(LIBRARY).replace("lib", ""), Path.of("out"), symbols, false);
  }
}
