package dev.arrowownership.nativecode;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.arrowownership.conformance.AllocationFaults;
import dev.arrowownership.conformance.CDataConsumer;
import dev.arrowownership.conformance.CDataProducer;
import dev.arrowownership.conformance.CDataStreamConsumer;
import dev.arrowownership.conformance.CDataStreamProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A native library's entry points, bound by library path and symbol names (the C types are those of
 * {@code arrow_ownership_kit.h}) and offered as the kit's roles: {@link #producer()}, {@link
 * #consumer()}, {@link #streamConsumer()}, {@link #streamProducer()}. Each call passes the kit's
 * struct addresses as pointers; a non-zero return becomes {@link NativeCallFailed}. The library is loaded once by JNA and stays
 * loaded for the life of the JVM (a release callback may still be called after the check).
 *
 * <pre>{@code
 * NativeTarget target = NativeTarget.builder(Path.of("libfoo.so"))
 *     .bind(EntryPoint.PRODUCER, "foo_make_batch")
 *     .bind(EntryPoint.HELD_BYTES, "foo_held_bytes")
 *     .load();
 * ConformanceKit.checkProducer("foo", target.producer().orElseThrow()).assertConforms();
 * }</pre>
 */
public final class NativeTarget {
  private final Path library;
  private final Map<EntryPoint, String> symbols;
  private final Map<EntryPoint, Function> functions;

  private NativeTarget(Path library, Map<EntryPoint, String> symbols, Map<EntryPoint, Function> functions) {
    this.library = library;
    this.symbols = symbols;
    this.functions = functions;
  }

  /** Starts binding the shared library at {@code library}. */
  public static Builder builder(Path library) {
    return new Builder(library);
  }

  /** The library this target was loaded from. */
  public Path library() {
    return library;
  }

  /** The symbol bound to each entry point, in {@link EntryPoint} order. */
  public Map<EntryPoint, String> symbols() {
    return symbols;
  }

  /**
   * The producer, if one was bound; its {@code allocatedBytes()} is the held-bytes hook, or -1. With
   * the fault hook bound, the kit fails the library's own allocations through it.
   */
  public Optional<CDataProducer> producer() {
    return function(EntryPoint.PRODUCER).map(produce -> new CDataProducer() {
      @Override
      public void produce(long arrayAddress, long schemaAddress) {
        call(EntryPoint.PRODUCER, produce, new Pointer(arrayAddress), new Pointer(schemaAddress));
      }

      @Override
      public long allocatedBytes() {
        return heldBytes().orElse(-1);
      }

      @Override
      public Optional<AllocationFaults> faults() {
        return allocationFaults();
      }
    });
  }

  /**
   * The consumer, if one was bound; closing what it returns calls the drop hook, if bound. With the
   * fault hook bound, the kit fails the library's own allocations through it; its {@code heldBytes()}
   * is the held-bytes hook, or -1.
   */
  public Optional<CDataConsumer> consumer() {
    return function(EntryPoint.CONSUMER).map(consume -> new CDataConsumer() {
      @Override
      public AutoCloseable consume(long arrayAddress, long schemaAddress, BufferAllocator allocator) {
        call(EntryPoint.CONSUMER, consume, new Pointer(arrayAddress), new Pointer(schemaAddress));
        return NativeTarget.this::drop;
      }

      @Override
      public long heldBytes() {
        return NativeTarget.this.heldBytes().orElse(-1);
      }

      @Override
      public Optional<AllocationFaults> faults() {
        return allocationFaults();
      }
    });
  }

  /** The fault hook as the kit's {@link AllocationFaults}, if it was bound. */
  public Optional<AllocationFaults> allocationFaults() {
    return function(EntryPoint.FAIL_ALLOCATION).map(hook -> new AllocationFaults() {
      @Override
      public void failAt(int k) {
        hook.invokeInt(new Object[] {(long) k});
      }

      @Override
      public boolean disarm() {
        return hook.invokeInt(new Object[] {-1L}) != 0;
      }
    });
  }

  /**
   * The stream consumer, if one was bound; closing what it returns calls the drop hook, if bound; its
   * {@code heldBytes()} is the held-bytes hook, or -1.
   */
  public Optional<CDataStreamConsumer> streamConsumer() {
    return function(EntryPoint.STREAM_CONSUMER).map(consume -> new CDataStreamConsumer() {
      @Override
      public AutoCloseable consume(long streamAddress, BufferAllocator allocator) {
        call(EntryPoint.STREAM_CONSUMER, consume, new Pointer(streamAddress));
        return NativeTarget.this::drop;
      }

      @Override
      public long heldBytes() {
        return NativeTarget.this.heldBytes().orElse(-1);
      }
    });
  }

  /**
   * The stream producer, if one was bound: its {@code allocatedBytes()} is the held-bytes hook, or
   * -1; with the fault hook bound, the kit makes the stream's {@code get_next} fail through it.
   */
  public Optional<CDataStreamProducer> streamProducer() {
    return function(EntryPoint.STREAM_PRODUCER).map(produce -> new CDataStreamProducer() {
      @Override
      public void produce(long streamAddress) {
        call(EntryPoint.STREAM_PRODUCER, produce, new Pointer(streamAddress));
      }

      @Override
      public long allocatedBytes() {
        return heldBytes().orElse(-1);
      }

      @Override
      public Optional<AllocationFaults> faults() {
        return allocationFaults();
      }
    });
  }

  /** What the held-bytes hook reports now, if it was bound. */
  public OptionalLong heldBytes() {
    return function(EntryPoint.HELD_BYTES).map(held -> OptionalLong.of(held.invokeLong(new Object[0])))
        .orElse(OptionalLong.empty());
  }

  /** Whether an entry point or hook was bound. */
  public boolean has(EntryPoint entryPoint) {
    return functions.containsKey(entryPoint);
  }

  @Override
  public String toString() {
    return library.getFileName() + " " + symbols;
  }

  private Optional<Function> function(EntryPoint entryPoint) {
    return Optional.ofNullable(functions.get(entryPoint));
  }

  private void drop() {
    function(EntryPoint.DROP).ifPresent(drop -> drop.invokeVoid(new Object[0]));
  }

  private void call(EntryPoint entryPoint, Function function, Object... arguments) {
    int errno = function.invokeInt(arguments);
    if (errno != 0) {
      throw new NativeCallFailed(symbols.get(entryPoint), errno);
    }
  }

  /** Collects the symbols to bind; {@link #load()} loads the library and finds them all. */
  public static final class Builder {
    private final Path library;
    private final Map<EntryPoint, String> symbols = new EnumMap<>(EntryPoint.class);

    private Builder(Path library) {
      this.library = library;
    }

    /** Binds {@code entryPoint} to the exported function {@code symbol}. */
    public Builder bind(EntryPoint entryPoint, String symbol) {
      if (symbol == null || symbol.isBlank()) {
        throw new IllegalArgumentException(entryPoint.option() + " needs a symbol name, was '" + symbol + "'");
      }
      symbols.put(entryPoint, symbol);
      return this;
    }

    /**
     * Loads the library and looks up every bound symbol.
     *
     * @throws NativeTargetException naming the library and the symbol, when the library does not load
     *     or lacks a symbol
     */
    public NativeTarget load() {
      if (!Files.isRegularFile(library)) {
        throw new NativeTargetException("no library at " + library.toAbsolutePath(), null);
      }
      NativeLibrary loaded;
      try {
        loaded = NativeLibrary.getInstance(library.toAbsolutePath().toString());
      } catch (UnsatisfiedLinkError e) {
        throw new NativeTargetException("cannot load " + library + ": " + e.getMessage(), e);
      }
      Map<EntryPoint, Function> functions = new EnumMap<>(EntryPoint.class);
      symbols.forEach((entryPoint, symbol) -> {
        try {
          functions.put(entryPoint, loaded.getFunction(symbol));
        } catch (UnsatisfiedLinkError e) {
          throw new NativeTargetException(library.getFileName() + " exports no symbol '" + symbol + "' (for "
              + entryPoint.option() + ", of type " + entryPoint.cType() + ")", e);
        }
      });
      return new NativeTarget(library, Collections.unmodifiableMap(new EnumMap<>(symbols)), functions);
    }
  }
}
