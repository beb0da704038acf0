package dev.arrowownership.seed;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.arrowownership.support.NativeFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code extern "C"} shim of {@code src/test/cpp/record_batch_data.cpp} for one version of
 * ArcticDB's {@code RecordBatchData}, bound through JNA. Each method is one C function; an errno
 * the caller must turn into misuse comes back as {@link Refused}, any other as {@link ShimCallFailed}.
 */
final class RecordBatchDataShim {
  /** The fixture's library name: {@code target/native/librecord_batch_data.so}. */
  static final String LIBRARY = "record_batch_data";

  static final int EBUSY = 16;
  static final int ENODATA = 61;
  static final int ENOMEM = 12;

  /** The class before the pull request's Rule of Five, or after it. */
  enum Version {
    BEFORE,
    AFTER;

    String prefix() {
      return "rbd_" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** A call the shim refused with an errno that means misuse (EBUSY, ENODATA); the caller words the message. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int errno;

    Refused(int errno) {
      super(null, null, false, false);
      this.errno = errno;
    }
  }

  private final NativeLibrary library;
  private final String prefix;

  private RecordBatchDataShim(NativeLibrary library, String prefix) {
    this.library = library;
    this.prefix = prefix;
  }

  /** The version's entry points; skips the test (JUnit assumption) when the build made no library. */
  static RecordBatchDataShim load(Version version) {
    return new RecordBatchDataShim(NativeLibrary.getInstance(NativeFixtures.require(LIBRARY).toString()), version.prefix());
  }

  Pointer allocate() {
    return pointerOut("allocate");
  }

  /** The addresses pyarrow's {@code _export_to_c} writes to: {@code [array, schema]}. */
  long[] exportTarget(Pointer handle) throws Refused {
    LongByReference array = new LongByReference();
    LongByReference schema = new LongByReference();
    refusable("export_target", handle, array, schema);
    return new long[] {array.getValue(), schema.getValue()};
  }

  Pointer moveConstruct(Pointer source) {
    return pointerOut("move_construct", source);
  }

  void moveAssign(Pointer target, Pointer source) {
    check("move_assign", call("move_assign", target, source));
  }

  /** The copy constructor: only {@link Version#BEFORE} has one. */
  Pointer copy(Pointer source) {
    return pointerOut("copy", source);
  }

  /** The write path: {@code rows} gets the row count the importer read; returns the InputItem. */
  Pointer write(Pointer handle, LongByReference rows) throws Refused {
    PointerByReference item = new PointerByReference();
    refusable("write", handle, rows, item);
    return item.getValue();
  }

  void dropInput(Pointer item) {
    function("drop_input").invokeVoid(new Object[] {item});
  }

  long rowCount(Pointer handle) {
    return function("row_count").invokeLong(new Object[] {handle});
  }

  boolean isOwned(Pointer handle) {
    return function("is_owned").invokeInt(new Object[] {handle}) != 0;
  }

  long arrayAddress(Pointer handle) {
    return function("array_address").invokeLong(new Object[] {handle});
  }

  long schemaAddress(Pointer handle) {
    return function("schema_address").invokeLong(new Object[] {handle});
  }

  void close(Pointer handle) {
    function("close").invokeVoid(new Object[] {handle});
  }

  Pointer frameOf(List<Pointer> handles) {
    Memory array = new Memory((long) Math.max(1, handles.size()) * Native.POINTER_SIZE);
    for (int i = 0; i < handles.size(); i++) {
      array.setPointer((long) i * Native.POINTER_SIZE, handles.get(i));
    }
    return pointerOut("frame_of", array, (long) handles.size());
  }

  /**
   * extract_record_batches and pybind11's list construction, allocating from {@code heap}.
   *
   * @return the new handles, in order
   * @throws Refused ENOMEM when the heap refused an allocation
   */
  List<Pointer> frameExtract(Pointer frame, PythonHeap heap, int capacity) throws Refused {
    Memory out = new Memory((long) Math.max(1, capacity) * Native.POINTER_SIZE); // JNA allocates no empty block
    LongByReference count = new LongByReference();
    int errno = call("frame_extract", frame, PythonHeap.ALLOCATE, PythonHeap.FREE, heap.context(), out, (long) capacity, count);
    if (errno == ENOMEM) {
      throw new Refused(errno);
    }
    check("frame_extract", errno);
    List<Pointer> handles = new ArrayList<>();
    for (int i = 0; i < count.getValue(); i++) {
      handles.add(out.getPointer((long) i * Native.POINTER_SIZE));
    }
    return handles;
  }

  void frameClose(Pointer frame) {
    function("frame_close").invokeVoid(new Object[] {frame});
  }

  private Pointer pointerOut(String name, Object... arguments) {
    PointerByReference out = new PointerByReference();
    Object[] withOut = Arrays.copyOf(arguments, arguments.length + 1);
    withOut[arguments.length] = out;
    check(name, call(name, withOut));
    return out.getValue();
  }

  private void refusable(String name, Object... arguments) throws Refused {
    int errno = call(name, arguments);
    if (errno == EBUSY || errno == ENODATA) {
      throw new Refused(errno);
    }
    check(name, errno);
  }

  private int call(String name, Object... arguments) {
    return function(name).invokeInt(arguments);
  }

  private void check(String name, int errno) {
    if (errno != 0) {
      throw new ShimCallFailed(prefix + "_" + name, errno);
    }
  }

  private Function function(String name) {
    return library.getFunction(prefix + "_" + name);
  }
}
