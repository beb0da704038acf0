/*
 * ArcticDB's RecordBatchData before and after its Rule-of-Five change (pull request "[Memory]
 * RecordBatchData: Arrow C Data Interface structures explicit and safe", seed in ../shared/seeds/),
 * written here from the pull request's description, with ArrowOutputFrame::extract_record_batches
 * and the two ways a batch leaves C++: the read path's extraction into a Python list and the write
 * path's InputItem. Built into target/native/librecord_batch_data.so by src/test/native/build.sh and
 * checked through JNA by dev.arrowownership.seed.CppRecordBatchDataSubject against the same wrapper
 * contract as the Java wrapper.
 *
 *   namespace before   defaulted copy and move, no destructor: a move copies the bits and leaves
 *                      the source owning, a copy duplicates ownership, destruction releases nothing;
 *                      InputItem is std::vector<RecordBatchData>, filled by pybind11's list caster (a copy)
 *   namespace after    zeroed default state, deleted copy, a move that nulls the source's release,
 *                      a move-assign that releases first (self-move a no-op), a destructor that
 *                      releases what it owns; InputItem is std::vector<std::shared_ptr<RecordBatchData>>
 *   namespace common   what the pull request left alone: ArrowOutputFrame, whose
 *                      extract_record_batches moves every batch out (a second call extracts again,
 *                      the double extraction the review flagged), and a stand-in for
 *                      sparrow::record_batch, which owns its structs and releases them when destroyed
 *
 * The extern "C" shim at the end is one template instantiated for both versions, so the two differ
 * only in the class. Every entry point returns 0 or an errno and lets no C++ exception out:
 *   EBUSY   populate a handle that owns a batch (pyarrow would overwrite it: a leak)
 *   ENODATA write from a handle that owns nothing
 *   ENOMEM  an allocation failed (the Python heap hook returned NULL)
 *   ERANGE  the caller's array for extracted handles is too small
 *   EIO     any other exception
 * Use after close is the caller's to refuse: a closed handle's memory is freed, as a dropped Python
 * object's is.
 */
#include "arrow_ownership_kit.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

extern "C" {
/* Where pybind11 allocates Python objects; the caller implements it (the kit: from the frame's
 * allocator, where it injects failures). allocate returns NULL when out of memory. */
typedef void* (*rbd_heap_allocate)(int64_t context, int64_t size);
typedef void (*rbd_heap_free)(int64_t context, void* memory);
}

namespace common {

/*
 * The part of sparrow::record_batch the frame relies on: it owns a batch's structs, releases them
 * when destroyed, and extract_struct_array() moves them out (the spec's move: copy the bits, mark
 * the source released). Extracting again yields released structs; sparrow's own second call indexes
 * its moved-from column vector instead (undefined behaviour), which a test cannot run.
 */
class SourceBatch {
 public:
  SourceBatch(ArrowArray array, ArrowSchema schema) : array_(array), schema_(schema) {}
  SourceBatch(SourceBatch&& other) noexcept : array_(other.array_), schema_(other.schema_) {
    other.array_.release = nullptr;
    other.schema_.release = nullptr;
  }
  SourceBatch(const SourceBatch&) = delete;
  SourceBatch& operator=(const SourceBatch&) = delete;
  SourceBatch& operator=(SourceBatch&&) = delete;
  ~SourceBatch() {
    if (array_.release != nullptr) array_.release(&array_);
    if (schema_.release != nullptr) schema_.release(&schema_);
  }

  std::pair<ArrowArray, ArrowSchema> extract_struct_array() {
    std::pair<ArrowArray, ArrowSchema> moved{array_, schema_};
    array_.release = nullptr;
    schema_.release = nullptr;
    return moved;
  }

 private:
  ArrowArray array_;
  ArrowSchema schema_;
};

/* ArcticDB's ArrowOutputFrame, which the pull request did not change: only the class it hands out differs. */
template <class RecordBatchData>
struct ArrowOutputFrame {
  std::vector<SourceBatch> data_;

  /* Moves every batch out; no guard against a second call (the review's "double-extraction risk"). */
  std::vector<RecordBatchData> extract_record_batches() {
    std::vector<RecordBatchData> output;
    output.reserve(data_.size());
    for (auto& batch : data_) {
      auto [arr, schema] = batch.extract_struct_array();
      output.emplace_back(arr, schema);
    }
    return output;
  }
};

}  // namespace common

namespace before {

/* RecordBatchData as it was: no destructor, copy and move defaulted (member-wise copies of the structs). */
struct RecordBatchData {
  RecordBatchData() = default;  // zeroed only when value-initialized, as pybind11's `new RecordBatchData()` does
  RecordBatchData(ArrowArray array, ArrowSchema schema) : array_(array), schema_(schema) {}

  ArrowArray array_;
  ArrowSchema schema_;

  uintptr_t array() { return reinterpret_cast<uintptr_t>(&array_); }
  uintptr_t schema() { return reinterpret_cast<uintptr_t>(&schema_); }
};

/*
 * The write path's input: pybind11's list caster copies each Python-held RecordBatchData into the
 * vector (its type_caster_base converts only to an lvalue), so the item and Python both hold the batch.
 */
using InputItem = std::vector<RecordBatchData>;

inline void hand_over(InputItem& item, RecordBatchData& batch) { item.push_back(batch); }

using ArrowOutputFrame = common::ArrowOutputFrame<RecordBatchData>;

}  // namespace before

namespace after {

/* RecordBatchData with the Rule of Five, as the pull request describes it. */
struct RecordBatchData {
  RecordBatchData() {
    std::memset(&array_, 0, sizeof(array_));
    std::memset(&schema_, 0, sizeof(schema_));
  }
  RecordBatchData(ArrowArray array, ArrowSchema schema) : array_(array), schema_(schema) {}

  RecordBatchData(const RecordBatchData&) = delete;
  RecordBatchData& operator=(const RecordBatchData&) = delete;

  RecordBatchData(RecordBatchData&& other) noexcept : array_(other.array_), schema_(other.schema_) {
    other.array_.release = nullptr;
    other.schema_.release = nullptr;
  }

  RecordBatchData& operator=(RecordBatchData&& other) noexcept {
    if (this != &other) {
      release_if_owned();
      array_ = other.array_;
      schema_ = other.schema_;
      other.array_.release = nullptr;
      other.schema_.release = nullptr;
    }
    return *this;
  }

  ~RecordBatchData() { release_if_owned(); }

  ArrowArray array_;
  ArrowSchema schema_;

  uintptr_t array() { return reinterpret_cast<uintptr_t>(&array_); }
  uintptr_t schema() { return reinterpret_cast<uintptr_t>(&schema_); }

 private:
  void release_if_owned() {
    if (array_.release != nullptr) array_.release(&array_);
    if (schema_.release != nullptr) schema_.release(&schema_);
  }
};

static_assert(!std::is_copy_constructible_v<RecordBatchData>, "after: copy is deleted");

/* The write path's input after the change: shared, since pybind11's variant caster needs copyable alternatives. */
using InputItem = std::vector<std::shared_ptr<RecordBatchData>>;

inline void hand_over(InputItem& item, RecordBatchData& batch) {
  item.push_back(std::make_shared<RecordBatchData>(std::move(batch)));
}

using ArrowOutputFrame = common::ArrowOutputFrame<RecordBatchData>;

}  // namespace after

namespace shim {

/* A Python object holding a RecordBatchData, and the heap it came from (free == nullptr: operator new). */
template <class RecordBatchData>
struct Handle {
  RecordBatchData batch;
  rbd_heap_free free;
  int64_t context;
};

template <class RecordBatchData>
void destroy(Handle<RecordBatchData>* handle) {
  if (handle->free == nullptr) {
    delete handle;
    return;
  }
  rbd_heap_free free = handle->free;
  int64_t context = handle->context;
  handle->~Handle<RecordBatchData>();
  free(context, handle);
}

/*
 * pybind11 turning the vector extract_record_batches returned into a Python list: the list, then
 * one object per batch, each holding a RecordBatchData moved out of the vector. If an allocation
 * fails, the objects made so far are destroyed with the list, and the vector with the rest.
 */
template <class RecordBatchData>
class PythonList {
 public:
  PythonList(rbd_heap_allocate allocate, rbd_heap_free free, int64_t context, size_t capacity)
      : allocate_(allocate), free_(free), context_(context) {
    size_t slots = capacity > 0 ? capacity : 1;  // a list of no batches is still one Python object
    items_ = static_cast<Handle<RecordBatchData>**>(allocate_(context_, static_cast<int64_t>(slots * sizeof(void*))));
    if (items_ == nullptr) throw std::bad_alloc();
  }
  PythonList(const PythonList&) = delete;
  PythonList& operator=(const PythonList&) = delete;
  ~PythonList() {
    for (size_t i = 0; i < size_; i++) destroy(items_[i]);
    free_(context_, items_);
  }

  void append(RecordBatchData&& batch) {
    void* memory = allocate_(context_, static_cast<int64_t>(sizeof(Handle<RecordBatchData>)));
    if (memory == nullptr) throw std::bad_alloc();
    items_[size_++] = new (memory) Handle<RecordBatchData>{std::move(batch), free_, context_};
  }

  /* The Python side now holds every object: hand them to the caller. */
  size_t hand_out(void** out) {
    size_t count = size_;
    for (size_t i = 0; i < count; i++) out[i] = items_[i];
    size_ = 0;
    return count;
  }

 private:
  rbd_heap_allocate allocate_;
  rbd_heap_free free_;
  int64_t context_;
  Handle<RecordBatchData>** items_ = nullptr;
  size_t size_ = 0;
};

/* Runs body, turning any exception into an errno: nothing C++ crosses the C boundary. */
template <class Body>
int guarded(Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return ENOMEM;
  } catch (...) {
    return EIO;
  }
}

template <class RecordBatchData>
bool owns(const RecordBatchData& batch) {
  return batch.array_.release != nullptr || batch.schema_.release != nullptr;
}

/* The entry points over one version's RecordBatchData, InputItem and ArrowOutputFrame. */
template <class RecordBatchData, class InputItem, class Frame, void (*hand_over)(InputItem&, RecordBatchData&)>
struct Shim {
  using H = Handle<RecordBatchData>;

  static H* handle(void* h) { return static_cast<H*>(h); }

  static int allocate(void** out) {
    return guarded([&] {
      *out = new H();  // value-initialized, as pybind11's py::init<>() constructs it
      return 0;
    });
  }

  /* Where pyarrow's _export_to_c writes: the class's array() and schema() addresses, if the handle owns nothing. */
  static int export_target(void* h, int64_t* array, int64_t* schema) {
    if (owns(handle(h)->batch)) return EBUSY;
    *array = static_cast<int64_t>(handle(h)->batch.array());
    *schema = static_cast<int64_t>(handle(h)->batch.schema());
    return 0;
  }

  static int move_construct(void* source, void** out) {
    return guarded([&] {
      *out = new H{std::move(handle(source)->batch), nullptr, 0};
      return 0;
    });
  }

  static int move_assign(void* target, void* source) {
    return guarded([&] {
      handle(target)->batch = std::move(handle(source)->batch);
      return 0;
    });
  }

  /*
   * The write path: pybind11 hands the batch over as an InputItem, the importer borrows the structs
   * (sparrow::record_batch{&array_, &schema_} never calls release) and reads them; the item lives
   * until drop_input, the moment the write is over and Python drops the RecordBatchData.
   */
  static int write(void* h, int64_t* rows, void** out) {
    if (!owns(handle(h)->batch)) return ENODATA;
    return guarded([&] {
      auto item = std::make_unique<InputItem>();
      hand_over(*item, handle(h)->batch);
      *rows = borrowed_rows(*item);
      *out = item.release();
      return 0;
    });
  }

  static int64_t borrowed_rows(const std::vector<RecordBatchData>& item) { return item.front().array_.length; }
  static int64_t borrowed_rows(const std::vector<std::shared_ptr<RecordBatchData>>& item) {
    return item.front()->array_.length;
  }

  static void drop_input(void* item) { delete static_cast<InputItem*>(item); }

  static int64_t row_count(void* h) {
    const RecordBatchData& batch = handle(h)->batch;
    return batch.array_.release != nullptr ? batch.array_.length : 0;
  }

  static int is_owned(void* h) { return owns(handle(h)->batch) ? 1 : 0; }
  static int64_t array_address(void* h) { return static_cast<int64_t>(handle(h)->batch.array()); }
  static int64_t schema_address(void* h) { return static_cast<int64_t>(handle(h)->batch.schema()); }
  static void close(void* h) { destroy(handle(h)); }

  /* A frame owning the handles' batches, moved out of them as the read pipeline's sparrow batches. */
  static int frame_of(void** handles, int64_t count, void** out) {
    return guarded([&] {
      auto frame = std::make_unique<Frame>();
      frame->data_.reserve(static_cast<size_t>(count));
      for (int64_t i = 0; i < count; i++) {
        RecordBatchData& source = handle(handles[i])->batch;
        frame->data_.emplace_back(source.array_, source.schema_);
        source.array_.release = nullptr;
        source.schema_.release = nullptr;
      }
      *out = frame.release();
      return 0;
    });
  }

  /* extract_record_batches, then pybind11's list construction, allocating from the given heap. */
  static int frame_extract(void* f, rbd_heap_allocate allocate, rbd_heap_free free, int64_t context, void** out,
      int64_t capacity, int64_t* count) {
    Frame* frame = static_cast<Frame*>(f);
    if (static_cast<int64_t>(frame->data_.size()) > capacity) return ERANGE;
    return guarded([&] {
      std::vector<RecordBatchData> batches = frame->extract_record_batches();
      PythonList<RecordBatchData> list(allocate, free, context, batches.size());
      for (auto& batch : batches) list.append(std::move(batch));
      *count = static_cast<int64_t>(list.hand_out(out));
      return 0;
    });
  }

  static void frame_close(void* f) { delete static_cast<Frame*>(f); }
};

}  // namespace shim

#define RBD_EXPORT_SHIM(prefix, ns)                                                                              \
  using prefix##_shim = shim::Shim<ns::RecordBatchData, ns::InputItem, ns::ArrowOutputFrame, ns::hand_over>;     \
  extern "C" {                                                                                                    \
  int prefix##_allocate(void** out) { return prefix##_shim::allocate(out); }                                      \
  int prefix##_export_target(void* h, int64_t* array, int64_t* schema) {                                         \
    return prefix##_shim::export_target(h, array, schema);                                                       \
  }                                                                                                               \
  int prefix##_move_construct(void* source, void** out) { return prefix##_shim::move_construct(source, out); }   \
  int prefix##_move_assign(void* target, void* source) { return prefix##_shim::move_assign(target, source); }    \
  int prefix##_write(void* h, int64_t* rows, void** item) { return prefix##_shim::write(h, rows, item); }        \
  void prefix##_drop_input(void* item) { prefix##_shim::drop_input(item); }                                      \
  int64_t prefix##_row_count(void* h) { return prefix##_shim::row_count(h); }                                    \
  int prefix##_is_owned(void* h) { return prefix##_shim::is_owned(h); }                                          \
  int64_t prefix##_array_address(void* h) { return prefix##_shim::array_address(h); }                            \
  int64_t prefix##_schema_address(void* h) { return prefix##_shim::schema_address(h); }                          \
  void prefix##_close(void* h) { prefix##_shim::close(h); }                                                      \
  int prefix##_frame_of(void** handles, int64_t count, void** out) {                                             \
    return prefix##_shim::frame_of(handles, count, out);                                                         \
  }                                                                                                               \
  int prefix##_frame_extract(void* frame, rbd_heap_allocate allocate, rbd_heap_free free, int64_t context,       \
      void** out, int64_t capacity, int64_t* count) {                                                             \
    return prefix##_shim::frame_extract(frame, allocate, free, context, out, capacity, count);                   \
  }                                                                                                               \
  void prefix##_frame_close(void* frame) { prefix##_shim::frame_close(frame); }                                  \
  }

RBD_EXPORT_SHIM(rbd_before, before)
RBD_EXPORT_SHIM(rbd_after, after)

/* Only the version before the change can be copied: the copy constructor the pull request deleted. */
extern "C" int rbd_before_copy(void* source, void** out) {
  return shim::guarded([&] {
    auto* handle = static_cast<shim::Handle<before::RecordBatchData>*>(source);
    *out = new shim::Handle<before::RecordBatchData>{handle->batch, nullptr, 0};
    return 0;
  });
}
