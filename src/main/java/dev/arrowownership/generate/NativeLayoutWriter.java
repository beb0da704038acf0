package dev.arrowownership.generate;

import dev.arrowownership.cdata.MetadataEntry;
import dev.arrowownership.cdata.StructKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The kit's own producer of any generated layout: it writes {@code ArrowSchema} and {@code
 * ArrowArray} trees straight into native memory, every buffer, string, pointer array and child
 * struct allocated from a {@link BufferAllocator} (so what a release misses is seen there), each
 * struct with its own release callback ({@link OwnedStructs}). Offsets, list-views, variadic buffer
 * counts: whatever {@link ArrayContent} says is written as is, with no exporter in between.
 *
 * <p>On failure (an allocation that throws) everything allocated so far is freed and the base
 * structs are untouched: they are written last, with no allocation after.
 */
public final class NativeLayoutWriter {
  private final BufferAllocator allocator;
  private final ReleasePlan plan;
  private final List<ArrowBuf> allocated = new ArrayList<>();
  private final List<Long> tokens = new ArrayList<>();

  private NativeLayoutWriter(BufferAllocator allocator, ReleasePlan plan) {
    this.allocator = allocator;
    this.plan = plan;
  }

  /** Writes {@code batch}'s array and schema into the released structs at the two addresses; the caller owns them. */
  public static void write(LayoutBatch batch, BufferAllocator allocator, long arrayAddress, long schemaAddress) {
    write(batch.content(), allocator, ReleasePlan.COMPLETE, arrayAddress, schemaAddress);
  }

  /** Writes {@code content} and its schema, with release callbacks that follow {@code plan}. */
  public static void write(ArrayContent content, BufferAllocator allocator, ReleasePlan plan, long arrayAddress,
      long schemaAddress) {
    NativeLayoutWriter writer = new NativeLayoutWriter(allocator, plan);
    writer.guarded(() -> {
      long[] array = writer.array(content);
      long[] schema = writer.schema(content.layout());
      fill(arrayAddress, array);
      fill(schemaAddress, schema);
    });
  }

  /** Writes only the schema of {@code layout} into the released struct at {@code schemaAddress}, releases as {@code plan} says. */
  public static void writeSchema(ArrowLayout layout, BufferAllocator allocator, ReleasePlan plan, long schemaAddress) {
    NativeLayoutWriter writer = new NativeLayoutWriter(allocator, plan);
    writer.guarded(() -> fill(schemaAddress, writer.schema(layout)));
  }

  /** Writes only the array of {@code content} into the released struct at {@code arrayAddress}, releases as {@code plan} says. */
  public static void writeArray(ArrayContent content, BufferAllocator allocator, ReleasePlan plan, long arrayAddress) {
    NativeLayoutWriter writer = new NativeLayoutWriter(allocator, plan);
    writer.guarded(() -> fill(arrayAddress, writer.array(content)));
  }

  private void guarded(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException | Error e) {
      tokens.forEach(OwnedStructs::forget);
      allocated.forEach(ArrowBuf::close);
      throw e;
    }
  }

  /** The ten fields of the {@code ArrowArray} of {@code content}, its children's structs written. */
  private long[] array(ArrayContent content) {
    List<ArrowBuf> memory = new ArrayList<>();
    List<Long> released = new ArrayList<>();
    List<byte[]> buffers = content.buffers();
    long pointers = 0;
    if (!buffers.isEmpty()) {
      ArrowBuf table = allocate(8L * buffers.size(), memory);
      for (int i = 0; i < buffers.size(); i++) {
        byte[] bytes = buffers.get(i);
        table.setLong(8L * i, bytes == null ? 0 : copy(bytes, plan.freesBuffer(content, i) ? memory : null));
      }
      pointers = table.memoryAddress();
    }
    long children = children(content.children(), StructKind.ARRAY, content.layout(), memory, released, this::array);
    long dictionary = content.dictionary().map(d -> struct(array(d), StructKind.ARRAY,
        plan.releasesChild(content.layout(), -1), memory, released)).orElse(0L);
    long token = register(memory, released);
    return new long[] {content.length(), content.nullCount(), content.offset(), buffers.size(),
        content.children().size(), pointers, children, dictionary, OwnedStructs.ARRAY_RELEASE_POINTER, token};
  }

  /** The nine fields of the {@code ArrowSchema} of {@code layout}, its children's structs written. */
  private long[] schema(ArrowLayout layout) {
    List<ArrowBuf> memory = new ArrayList<>();
    List<Long> released = new ArrayList<>();
    long format = copy(cString(layout.format()), memory);
    long name = copy(cString(layout.name()), memory);
    long metadata = layout.metadata().isEmpty() ? 0 : copy(metadata(layout.metadata()), memory);
    long children = children(layout.children(), StructKind.SCHEMA, layout, memory, released, this::schema);
    long dictionary = layout.dictionary().map(d -> struct(schema(d), StructKind.SCHEMA,
        plan.releasesChild(layout, -1), memory, released)).orElse(0L);
    long token = register(memory, released);
    return new long[] {format, name, metadata, layout.flags(), layout.children().size(), children, dictionary,
        OwnedStructs.SCHEMA_RELEASE_POINTER, token};
  }

  private <T> long children(List<T> items, StructKind kind, ArrowLayout parent, List<ArrowBuf> memory,
      List<Long> released, Function<T, long[]> fields) {
    if (items.isEmpty()) {
      return 0;
    }
    ArrowBuf table = allocate(8L * items.size(), memory);
    for (int i = 0; i < items.size(); i++) {
      table.setLong(8L * i, struct(fields.apply(items.get(i)), kind, plan.releasesChild(parent, i), memory, released));
    }
    return table.memoryAddress();
  }

  /** A child struct holding {@code fields}: its memory is the parent's, freed by the parent's release if it releases it. */
  private long struct(long[] fields, StructKind kind, boolean releasedByParent, List<ArrowBuf> parentMemory,
      List<Long> released) {
    long address = allocate(kind.size(), releasedByParent ? parentMemory : null).memoryAddress();
    fill(address, fields);
    if (releasedByParent) {
      released.add(address);
    }
    return address;
  }

  private long register(List<ArrowBuf> memory, List<Long> released) {
    long token = OwnedStructs.register(new OwnedStructs.Owned(memory, released));
    tokens.add(token);
    return token;
  }

  /** A copy of {@code bytes} in new memory that {@code owner}'s release frees (null: nothing frees it). */
  private long copy(byte[] bytes, List<ArrowBuf> owner) {
    ArrowBuf buffer = allocate(bytes.length, owner);
    buffer.setBytes(0, bytes);
    return buffer.memoryAddress();
  }

  /** Zeroed memory of at least 8 bytes (never NULL, even for an empty buffer). */
  private ArrowBuf allocate(long bytes, List<ArrowBuf> owner) {
    ArrowBuf buffer = allocator.buffer(Math.max(bytes, 8));
    allocated.add(buffer);
    buffer.setZero(0, buffer.capacity());
    if (owner != null) {
      owner.add(buffer);
    }
    return buffer;
  }

  private static void fill(long address, long[] fields) {
    for (int i = 0; i < fields.length; i++) {
      org.apache.arrow.memory.util.MemoryUtil.putLong(address + 8L * i, fields[i]);
    }
  }

  private static byte[] cString(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(utf8, utf8.length + 1);
  }

  /** The spec's metadata encoding: int32 pair count, then per pair int32 key length, key, int32 value length, value. */
  static byte[] metadata(List<MetadataEntry> pairs) {
    int size = 4 + pairs.stream().mapToInt(e -> 8 + e.keyBytes().length + e.valueBytes().length).sum();
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    out.putInt(pairs.size());
    for (MetadataEntry pair : pairs) {
      out.putInt(pair.keyBytes().length).put(pair.keyBytes());
      out.putInt(pair.valueBytes().length).put(pair.valueBytes());
    }
    return out.array();
  }
}
