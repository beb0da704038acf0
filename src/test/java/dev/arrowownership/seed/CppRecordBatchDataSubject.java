package dev.arrowownership.seed;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import dev.arrowownership.contract.BatchFiller;
import dev.arrowownership.contract.Imported;
import dev.arrowownership.contract.OwnershipSubject;
import dev.arrowownership.contract.SubjectFeature;
import dev.arrowownership.seed.RecordBatchDataShim.Refused;
import dev.arrowownership.seed.RecordBatchDataShim.Version;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * ArcticDB's C++ {@code RecordBatchData} (and, with {@link SubjectFeature#FRAME}, its {@code
 * ArrowOutputFrame}) plugged into the wrapper contract through the {@code extern "C"} shim: the same
 * adapter for the class before and after the pull request, so any difference in verdict is the
 * class's. Each operation is what Python and pybind11 do with the class:
 *
 * <ul>
 *   <li>{@code allocate}: {@code RecordBatchData()}; {@code populate}: pyarrow's {@code _export_to_c}
 *       into the addresses {@code array()} and {@code schema()} return;
 *   <li>{@code moveFrom}, {@code moveAssign}, {@code copy}: the move constructor, move assignment and
 *       copy constructor ({@link SubjectFeature#COPY} only where there is one: before);
 *   <li>{@code importBatch}: the write path (the batch handed over as an {@code InputItem}, read
 *       through borrowed pointers), its result closed when the write is over and the item dropped;
 *   <li>{@code close}: Python dropping the object (the destructor, then the memory freed);
 *   <li>{@code extract}: {@code extract_record_batches} and pybind11's list construction, whose
 *       allocations come from the frame's allocator, where the machine injects failures.
 * </ul>
 *
 * <p>Misuse the class itself does not see is refused by the shim (populate an owning handle: EBUSY;
 * write from an empty one: ENODATA) or here (any use after close). Stateless, so the exhaustive
 * checker may run sequences in parallel.
 */
public final class CppRecordBatchDataSubject implements OwnershipSubject<NativeHandle, NativeFrame> {
  private final Version version;
  private final Set<SubjectFeature> features;
  private final RecordBatchDataShim shim;

  private CppRecordBatchDataSubject(Version version, Set<SubjectFeature> features) {
    this.version = version;
    this.features = features.isEmpty() ? EnumSet.noneOf(SubjectFeature.class) : EnumSet.copyOf(features);
    this.shim = RecordBatchDataShim.load(version);
  }

  /** The class before the pull request, with its frame and its copy constructor. */
  public static CppRecordBatchDataSubject before() {
    return new CppRecordBatchDataSubject(Version.BEFORE, EnumSet.of(SubjectFeature.FRAME, SubjectFeature.COPY));
  }

  /** The class after the pull request, alone: what the pull request changed. */
  public static CppRecordBatchDataSubject after() {
    return new CppRecordBatchDataSubject(Version.AFTER, EnumSet.noneOf(SubjectFeature.class));
  }

  /** The class after the pull request with the frame it left unchanged. */
  public static CppRecordBatchDataSubject afterWithFrame() {
    return new CppRecordBatchDataSubject(Version.AFTER, EnumSet.of(SubjectFeature.FRAME));
  }

  @Override
  public String name() {
    return "C++ RecordBatchData " + version.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Set<SubjectFeature> features() {
    return features;
  }

  @Override
  public NativeHandle allocate(BufferAllocator allocator, String name) {
    return new NativeHandle(name, shim.allocate());
  }

  @Override
  public String nameOf(NativeHandle handle) {
    return handle.name();
  }

  @Override
  public void populate(NativeHandle handle, BatchFiller filler) {
    long[] target;
    try {
      target = shim.exportTarget(handle.object("populate"));
    } catch (Refused owning) {
      throw new IllegalStateException(handle.name() + " owns a batch: exporting into it would leak it");
    }
    filler.fill(target[0], target[1]);
  }

  @Override
  public NativeHandle moveFrom(NativeHandle source) {
    return new NativeHandle(source.name() + "'", shim.moveConstruct(source.object("move-construct from")));
  }

  @Override
  public void moveAssign(NativeHandle target, NativeHandle source) {
    Pointer to = target.object("move-assign to");
    shim.moveAssign(to, source.object("move-assign from"));
  }

  @Override
  public NativeHandle copy(NativeHandle source) {
    if (version != Version.BEFORE) {
      throw new UnsupportedOperationException(name() + " has no copy constructor: the pull request deleted it");
    }
    return new NativeHandle("copy of " + source.name(), shim.copy(source.object("copy")));
  }

  @Override
  public Imported importBatch(NativeHandle handle, BufferAllocator allocator) {
    LongByReference rows = new LongByReference();
    Pointer item;
    try {
      item = shim.write(handle.object("write"), rows);
    } catch (Refused empty) {
      throw new IllegalStateException(handle.name() + " owns no batch: nothing to write");
    }
    return new Imported(rows.getValue(), () -> shim.dropInput(item));
  }

  @Override
  public long rowCount(NativeHandle handle) {
    return shim.rowCount(handle.object("rowCount"));
  }

  @Override
  public boolean isOwned(NativeHandle handle) {
    return !handle.isClosed() && shim.isOwned(handle.object("isOwned"));
  }

  @Override
  public long arrayAddress(NativeHandle handle) {
    return shim.arrayAddress(handle.object("array"));
  }

  @Override
  public long schemaAddress(NativeHandle handle) {
    return shim.schemaAddress(handle.object("schema"));
  }

  @Override
  public void close(NativeHandle handle) {
    Pointer object = handle.closeOnce();
    if (object != null) {
      shim.close(object);
    }
  }

  @Override
  public NativeFrame frameOf(BufferAllocator allocator, String name, List<NativeHandle> batches) {
    List<Pointer> objects = new ArrayList<>();
    batches.forEach(b -> objects.add(b.object("move into a frame")));
    return new NativeFrame(name, shim.frameOf(objects), batches.size(), PythonHeap.over(allocator));
  }

  @Override
  public List<NativeHandle> extract(NativeFrame frame) {
    List<Pointer> objects;
    try {
      objects = shim.frameExtract(frame.object("extractRecordBatches"), frame.heap(), frame.batches());
    } catch (Refused outOfMemory) {
      RuntimeException refusal = frame.heap().takeRefusal();
      throw refusal != null ? refusal : new ShimCallFailed("frame_extract", outOfMemory.errno);
    }
    List<NativeHandle> handles = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      handles.add(new NativeHandle(frame.name() + "[" + i + "]", objects.get(i)));
    }
    return handles;
  }

  @Override
  public void closeFrame(NativeFrame frame) {
    Pointer object = frame.closeOnce();
    if (object != null) {
      shim.frameClose(object);
      frame.heap().retire();
    }
  }
}
