package dev.arrowownership.libraries.arrowcpp;

import dev.arrowownership.libraries.GeneratedStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * A small Parquet file the producers scan, written by Arrow C++'s own dataset writer from the kit's
 * generated batches (ints with nulls, strings, a struct, a list and a dictionary column, which
 * Parquet stores as plain strings), and the Substrait plan that reads it back through Acero.
 *
 * @param directory the dataset directory ({@code file://} URI), one file in it
 * @param file the Parquet file ({@code file://} URI)
 * @param rows rows in the file
 */
record ParquetFixture(String directory, String file, long rows) {
  private static final String FILE_NAME = "part-0.parquet";
  /** The generated batch's columns as Parquet gives them back, in Substrait's names order (depth first). */
  private static final List<String> NESTED_NAMES = List.of("id", "name", "point", "x", "label", "tags", "color");
  private static final List<String> TOP_NAMES = List.of("id", "name", "point", "tags", "color");

  /** Writes {@code batches} generated batches of {@code rows} rows each into a new directory under {@code parent}. */
  static ParquetFixture write(BufferAllocator allocator, Path parent, int batches, int rows) {
    GeneratedStream source = GeneratedStream.of(allocator, batches, rows);
    Path directory = parent.resolve("parquet");
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(source.ipc()), allocator)) {
      DatasetFileWriter.write(allocator, reader, FileFormat.PARQUET, directory.toUri().toString(), new String[0], 1,
          FILE_NAME.replace("0", "{i}"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The writer's threads free what they buffered after it returned (200,320 bytes seen): a check that
    // reads the default pool next must not count them.
    ArrowCppLibrary.settled(NativeMemoryPool.getDefault()::getBytesAllocated);
    return new ParquetFixture(directory.toUri().toString(), directory.resolve(FILE_NAME).toUri().toString(),
        source.totalRows());
  }

  /**
   * A Substrait plan (JSON) that reads the file with Acero's Parquet reader ({@code localFiles}) and
   * returns every column: Arrow C++ makes every batch of the result, nothing comes from Java.
   */
  String readPlan() {
    String i32 = nullable("i32");
    String string = nullable("string");
    String point = "{\"struct\":{\"types\":[" + i32 + "," + string + "],\"nullability\":\"NULLABILITY_NULLABLE\"}}";
    String tags = "{\"list\":{\"type\":" + i32 + ",\"nullability\":\"NULLABILITY_NULLABLE\"}}";
    String types = String.join(",", i32, string, point, tags, string);
    return "{\"version\":{\"minorNumber\":20,\"producer\":\"arrow-ownership\"},\"relations\":[{\"root\":{\"input\":"
        + "{\"read\":{\"baseSchema\":{\"names\":" + json(NESTED_NAMES) + ",\"struct\":{\"types\":[" + types
        + "],\"nullability\":\"NULLABILITY_REQUIRED\"}},\"localFiles\":{\"items\":[{\"uriFile\":\"" + file
        + "\",\"parquet\":{}}]}}},\"names\":" + json(TOP_NAMES) + "}}]}";
  }

  private static String nullable(String type) {
    return "{\"" + type + "\":{\"nullability\":\"NULLABILITY_NULLABLE\"}}";
  }

  private static String json(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
