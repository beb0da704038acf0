package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;

/**
 * Tests that write C structs by hand: each test gets its own allocator and struct builder, and
 * after it the builder frees what it wrote and the allocator is closed, failing a test that leaked.
 */
abstract class HandWrittenStructs {
  final RootAllocator allocator = new RootAllocator();
  final CStructs c = new CStructs(allocator);

  @AfterEach
  void allocatorEndsEmpty() {
    c.close();
    allocator.close();
  }

  /** {@code read()} refuses the array with exactly {@code message}. */
  static void refused(long array, long schema, String message) {
    assertThatThrownBy(() -> CDataReader.read(array, schema))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  /** {@code readSchema()} refuses the schema with exactly {@code message}. */
  static void refused(long schema, String message) {
    assertThatThrownBy(() -> CDataReader.readSchema(schema))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
