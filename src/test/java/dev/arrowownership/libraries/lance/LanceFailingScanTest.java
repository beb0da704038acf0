package dev.arrowownership.libraries.lance;

import static org.assertj.core.api.Assertions.assertThat;

import com.lancedb.lance.Dataset;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.libraries.StreamCalls;
import dev.arrowownership.libraries.StructMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lance's scanner stream when reading fails (the dataset's data files deleted after it was opened), by
 * hand: the stream producer's error rules have no kit check here, since Lance's allocations cannot be
 * made to fail.
 */
class LanceFailingScanTest {
  private static final int EINVAL = 22;

  @BeforeAll
  static void load() {
    LanceNatives.loadOrSkip();
  }

  /**
   * get_next returns EINVAL (arrow-rs maps every error but I/O, memory and not-implemented ones to it;
   * Lance's I/O error arrives wrapped as an external error) with Lance's message, at the same address on
   * every call until the next callback; the call after that ends the stream; the stream is released once.
   */
  @Test
  void scanOfDeletedFilesFailsWithAnErrnoAndAStableMessage(@TempDir Path directory) throws Exception {
    try (RootAllocator allocator = new RootAllocator();
        Dataset dataset = LanceDatasets.write(allocator, directory.resolve("broken"), 1, 100);
        LanceTargets targets = new LanceTargets(); StructMemory structs = new StructMemory(allocator)) {
      deleteAll(directory.resolve("broken").resolve("data"));
      ArrowArrayStream stream = structs.stream();
      targets.streamProducer(dataset, 128).produce(stream.memoryAddress());
      ArrowSchema schema = structs.schema();
      assertThat(StreamCalls.call(StreamField.GET_SCHEMA, stream.memoryAddress(), schema.memoryAddress())).isZero();
      schema.release();

      ArrowArray failed = structs.array();
      int rc = StreamCalls.call(StreamField.GET_NEXT, stream.memoryAddress(), failed.memoryAddress());
      List<Pointer> messages = List.of(StreamCalls.lastError(stream.memoryAddress()), StreamCalls.lastError(stream.memoryAddress()));
      String text = messages.get(0).getString(0);
      ArrowArray after = structs.array();
      int again = StreamCalls.call(StreamField.GET_NEXT, stream.memoryAddress(), after.memoryAddress());
      stream.release();

      assertThat(rc).isEqualTo(EINVAL);
      assertThat(StructKind.ARRAY.isLive(failed.memoryAddress())).as("out left released by the failing call").isFalse();
      assertThat(messages.get(1)).isEqualTo(messages.get(0));
      assertThat(text).startsWith("External error: LanceError(IO)").contains("Not found", ".lance");
      assertThat(again).isZero();
      assertThat(StructKind.ARRAY.isLive(after.memoryAddress())).as("the stream ended after the error").isFalse();
      assertThat(StreamField.RELEASE.get(stream.memoryAddress())).isZero();
    }
  }

  private static void deleteAll(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
