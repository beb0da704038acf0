package dev.arrowownership.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code header}: prints {@code arrow_ownership_kit.h}, the C header a library implements to be checked. */
@Command(name = "header", header = "Prints arrow_ownership_kit.h, the C header a library implements to be checked.",
    description = {
    "Prints arrow_ownership_kit.h: the C types of the entry points and hooks a native library exports to be"
        + " checked (each returns 0 or an errno), with the C Data and C Stream struct definitions.",
    "Save it with: arrow-ownership header > arrow_ownership_kit.h"})
final class HeaderCommand implements Callable<Integer> {
  /** Where the build puts the header: beside the classes that bind it. */
  static final String RESOURCE = "/dev/arrowownership/nativecode/arrow_ownership_kit.h";

  private final String resource;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  HeaderCommand() {
    this(RESOURCE);
  }

  HeaderCommand(String resource) {
    this.resource = resource;
  }

  @Override
  public Integer call() {
    try (InputStream header = HeaderCommand.class.getResourceAsStream(resource)) {
      if (header == null) {
        throw new CliError(resource + " is not on the class path: this build of the kit was packaged without its header");
      }
      spec.commandLine().getOut().print(new String(header.readAllBytes(), StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return Exit.CONFORMS;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
