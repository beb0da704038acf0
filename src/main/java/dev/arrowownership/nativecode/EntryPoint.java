package dev.arrowownership.nativecode;

/**
 * The entry points and hooks of {@code arrow_ownership_kit.h} a native library may export, each
 * under a name of its choice: the C type it must have, and the command-line option that names it.
 */
public enum EntryPoint {
  /** {@code int (*)(struct ArrowArray* out_array, struct ArrowSchema* out_schema)}: fills a batch. */
  PRODUCER("arrow_ownership_producer", "--producer"),
  /** {@code int (*)(struct ArrowArray* array, struct ArrowSchema* schema)}: takes ownership of a batch. */
  CONSUMER("arrow_ownership_consumer", "--consumer"),
  /** {@code int (*)(struct ArrowArrayStream* out)}: fills a stream. */
  STREAM_PRODUCER("arrow_ownership_stream_producer", "--stream-producer"),
  /** {@code int (*)(struct ArrowArrayStream* stream)}: takes ownership of a stream. */
  STREAM_CONSUMER("arrow_ownership_stream_consumer", "--stream-consumer"),
  /** {@code int64_t (*)(void)}: bytes the library holds for data not yet released. Optional. */
  HELD_BYTES("arrow_ownership_held_bytes", "--held-bytes"),
  /** {@code int (*)(int64_t k)}: make allocation {@code k} from now fail (k &lt; 0 disarms). Optional. */
  FAIL_ALLOCATION("arrow_ownership_fail_allocation", "--fail-allocation"),
  /** {@code void (*)(void)}: release whatever the library kept from what it consumed. Optional. */
  DROP("arrow_ownership_drop", "--drop");

  private final String cType;
  private final String option;

  EntryPoint(String cType, String option) {
    this.cType = cType;
    this.option = option;
  }

  /** The typedef in {@code arrow_ownership_kit.h} that the exported function must match. */
  public String cType() {
    return cType;
  }

  /** The option of the {@code check} command that names the exported symbol. */
  public String option() {
    return option;
  }
}
