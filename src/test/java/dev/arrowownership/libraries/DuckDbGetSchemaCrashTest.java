package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's JDBC driver 1.5.2.0 crashes the JVM when a stream's get_schema fails and get_last_error
 * gives NULL: {@code JavaArrowTabularStreamFactory::GetSchema} (duckdb-java {@code src/jni/duckdb_java.cpp})
 * ignores get_schema's return code and throws only if get_last_error is non-NULL, so binding goes on
 * with a schema nothing wrote and faults in {@code ArrowTableFunction::PopulateArrowTableSchema}. Run in
 * a JVM of its own ({@link DuckDbGetSchemaCrash}); asserted as observed, so this fails when DuckDB
 * checks the return code.
 */
class DuckDbGetSchemaCrashTest {

  @Test
  void failingGetSchemaWithoutAMessageCrashesTheJvm(@TempDir Path directory) throws Exception {
    DuckDbSession.openOrSkip().close(); // where DuckDB does not load, skip rather than read its absence as no crash
    Path errorFile = directory.resolve("hs_err.log");
    OwnJvm.Ended crashed = OwnJvm.run(directory, Duration.ofSeconds(60),
        List.of("-XX:ErrorFile=" + errorFile, "-XX:-CreateCoredumpOnCrash"), DuckDbGetSchemaCrash.class);
    String output = crashed.output();
    assertThat(crashed.ended()).as("the JVM ends").isTrue();
    assertThat(crashed.exitValue()).as(output).isNotZero();
    assertThat(output).contains("SIGSEGV").doesNotContain("registered", "refused");
    assertThat(problematicFrame(errorFile)).contains("duckdb::ArrowTableFunction::PopulateArrowTableSchema");
  }

  private static String problematicFrame(Path errorFile) throws IOException {
    List<String> lines = Files.readAllLines(errorFile);
    return lines.get(lines.indexOf("# Problematic frame:") + 1);
  }
}
