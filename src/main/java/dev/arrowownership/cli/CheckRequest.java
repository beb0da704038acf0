package dev.arrowownership.cli;

import dev.arrowownership.nativecode.EntryPoint;
import dev.arrowownership.nativecode.NativeTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code check}: the library, the symbol bound to each entry point and hook, the name its
 * reports carry and where they go. Refuses, as a {@link CliError}, a check without a role, a role
 * the kit cannot check yet, a blank symbol, and a name that cannot be part of a file name.
 *
 * @param library the shared library
 * @param name the reports' name: {@code DIR/NAME-ROLE.md}, {@code DIR/TEST-NAME-ROLE.xml}
 * @param reportDir where the reports go
 * @param symbols the exported symbol bound to each entry point and hook, in {@link EntryPoint} order
 * @param layouts whether the consumer roles are checked on every layout of the kit's tour, not only
 *     on its default batch
 */
record CheckRequest(Path library, String name, Path reportDir, Map<EntryPoint, String> symbols, boolean layouts) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  CheckRequest {
    symbols = Collections.unmodifiableMap(new EnumMap<>(symbols));
    if (symbols.keySet().stream().noneMatch(CheckedRole.ROLE_ENTRY_POINTS::contains)) {
      throw new CliError("no role given: name the symbol of at least one of --producer, --consumer,"
          + " --stream-producer, --stream-consumer (see --help)");
    }
    try {
      symbols.forEach(NativeTarget.builder(library)::bind); // refuses a blank symbol before any JVM starts
    } catch (IllegalArgumentException blank) {
      throw new CliError(blank.getMessage());
    }
    if (!NAME.matcher(name).matches()) {
      throw new CliError("--name '" + name + "' must be letters, digits, '.', '_' or '-' (it names the report files)");
    }
  }

  /**
   * The default name of the reports: the library's file name up to its first dot, other characters
   * than those a name allows as {@code _} ({@code ./libfoo.so.1} gives {@code libfoo}).
   */
  static String defaultName(Path library) {
    String file = library.getFileName().toString();
    int dot = file.indexOf('.');
    String stem = (dot < 0 ? file : file.substring(0, dot)).replaceAll("[^A-Za-z0-9._-]", "_");
    return stem.isEmpty() || !Character.isLetterOrDigit(stem.charAt(0)) ? "target" + stem : stem;
  }

  /** The roles to check, in {@link CheckedRole} order. */
  List<CheckedRole> roles() {
    List<CheckedRole> roles = new ArrayList<>();
    for (CheckedRole role : CheckedRole.values()) {
      if (symbols.containsKey(role.entryPoint())) {
        roles.add(role);
      }
    }
    return roles;
  }

  /** The verdict's target for {@code role}, which names its reports: {@code NAME-ROLE}. */
  String target(CheckedRole role) {
    return name + "-" + role.word();
  }

  /** True when {@code role} is checked on every layout of the tour: {@code --layouts} and a role handed the kit's batches. */
  boolean onLayouts(CheckedRole role) {
    return layouts && role.takesBatches();
  }

  /** The target of {@code role}'s verdicts over the tour, which names its reports: {@code NAME-ROLE-layouts}. */
  String layoutsTarget(CheckedRole role) {
    return target(role) + "-layouts";
  }

  /** What the step log says while {@code role} is checked: the option and the symbol. */
  String step(CheckedRole role) {
    return "checking " + role.entryPoint().option() + " " + symbols.get(role.entryPoint());
  }

  /**
   * Loads the library and binds every symbol.
   *
   * @throws dev.arrowownership.nativecode.NativeTargetException naming the library or the symbol
   */
  NativeTarget bind() {
    NativeTarget.Builder builder = NativeTarget.builder(library);
    symbols.forEach(builder::bind);
    return builder.load();
  }

  /** The same check as {@code check} command arguments (paths absolute), for another JVM to run. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of("check", "--library", library.toAbsolutePath().toString(),
        "--name", name, "--report-dir", reportDir.toAbsolutePath().toString()));
    symbols.forEach((entryPoint, symbol) -> arguments.addAll(List.of(entryPoint.option(), symbol)));
    if (layouts) {
      arguments.add("--layouts");
    }
    return arguments;
  }
}
